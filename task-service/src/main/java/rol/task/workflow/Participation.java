package rol.task.workflow;

/** How a department stands to one task: it leads (牵头), supports (配合), or has nothing to do with it. */
public enum Participation {
    LEAD,
    CO,
    NONE
}
