package rol.report.parse;

/**
 * The level of the issuing body, read from its name: national (国务院), provincial (省, 自治区, the four
 * municipalities), city, county or district government; for other reports a department or a sub-district.
 */
final class Levels {

    private static final String[] MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"};

    private Levels() {
    }

    static Finding of(String issuer, Genre genre) {
        if (issuer == null || issuer.isBlank()) return new Finding("level", "unknown", 0);
        String i = issuer.replaceAll("\\s+", "");
        String level;
        if (i.startsWith("国务院") && genre == Genre.GOVERNMENT_WORK_REPORT) {
            level = "national";
        } else if (i.endsWith("人民政府") || i.endsWith("政府")) {
            String place = i.substring(0, i.lastIndexOf("政府")).replaceAll("人民$", "");
            level = isProvince(place) ? "provincial" : place.endsWith("市") || place.endsWith("州") || place.endsWith("盟")
                    ? "city" : place.endsWith("区") ? "district" : "county";
        } else if (i.contains("街道") || i.endsWith("镇") || i.endsWith("乡")) {
            level = "sub-district";
        } else {
            level = "department";
        }
        return new Finding("level", level, 0.7);
    }

    private static boolean isProvince(String place) {
        for (String m : MUNICIPALITIES) if (place.equals(m)) return true;
        return place.endsWith("省") || place.endsWith("自治区") && !place.contains("市");
    }
}
