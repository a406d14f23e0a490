package com.ecommerce.analytics.reports.control;

/** A worksheet column: its header, how its values are written, and its width in characters. */
record Column(String title, Kind kind, int width) {

    enum Kind { TEXT, WHOLE, DECIMAL, MONEY, SHARE, DATE, DATE_TIME }

    static Column text(String title, int width) {
        return new Column(title, Kind.TEXT, width);
    }

    static Column whole(String title) {
        return new Column(title, Kind.WHOLE, Math.max(10, title.length() + 2));
    }

    /** A measure to a tenth (days of cover, units a day). */
    static Column decimal(String title) {
        return new Column(title, Kind.DECIMAL, Math.max(10, title.length() + 2));
    }

    static Column money(String title) {
        return new Column(title, Kind.MONEY, Math.max(14, title.length() + 2));
    }

    static Column share(String title) {
        return new Column(title, Kind.SHARE, Math.max(10, title.length() + 2));
    }

    static Column date(String title) {
        return new Column(title, Kind.DATE, 12);
    }

    static Column dateTime(String title) {
        return new Column(title, Kind.DATE_TIME, 18);
    }
}
