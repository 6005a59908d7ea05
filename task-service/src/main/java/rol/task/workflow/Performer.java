package rol.task.workflow;

/** In which capacity someone may perform an action: as the office, or as the task's lead or co-department. */
public enum Performer {
    OFFICE("office"),
    LEAD_DEPARTMENT("lead department"),
    CO_DEPARTMENT("co-department");

    private final String label;

    Performer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
