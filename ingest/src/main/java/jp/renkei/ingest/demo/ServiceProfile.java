package jp.renkei.ingest.demo;

import jp.renkei.ingest.standard.ServiceType;

/**
 * How a service type shows up on a 第6表: a representative service code with its units, visit days per week and the
 * time of day (9999 for services without a time, such as equipment rental). Placeholders [I], not a code master.
 */
record ServiceProfile(String serviceCode, int units, int daysPerWeek, String startTime, String endTime) {

    static ServiceProfile of(ServiceType type) {
        return switch (type) {
            case HOME_HELP -> new ServiceProfile("111211", 244, 2, "0900", "0930");
            case HOME_BATHING -> new ServiceProfile("121111", 1266, 1, "1400", "1500");
            case HOME_NURSING -> new ServiceProfile("131111", 471, 1, "1330", "1400");
            case HOME_REHABILITATION -> new ServiceProfile("141111", 308, 1, "1500", "1540");
            case DAY_SERVICE -> new ServiceProfile("151111", 658, 2, "0930", "1630");
            case DAY_REHABILITATION -> new ServiceProfile("161111", 715, 2, "0930", "1600");
            case WELFARE_EQUIPMENT_RENTAL -> new ServiceProfile("171001", 500, 0, "9999", "9999");
            case SHORT_STAY -> new ServiceProfile("211111", 704, 1, "1000", "1000");
            case HOME_MEDICAL_MANAGEMENT -> new ServiceProfile("311111", 515, 0, "1100", "1130");
            case SMALL_MULTIFUNCTION -> new ServiceProfile("731111", 3450, 0, "9999", "9999");
            case COMMUNITY_DAY_SERVICE -> new ServiceProfile("781111", 753, 2, "0930", "1630");
            default -> throw new IllegalArgumentException(type + " does not deliver services on a 第6表");
        };
    }
}
