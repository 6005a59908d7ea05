package rol.platform.lights;

/** 红黄绿灯. The rules that choose one are all in {@link TrafficLightRules}. */
public enum TrafficLight {
    /** 绿灯: on track */
    GREEN,
    /** 黄灯: deadline near and progress behind, or no feedback for too long */
    YELLOW,
    /** 红灯: overdue */
    RED
}
