package ua.dnipro.contactcenter.statistics;

/**
 * Where a complaint shows on the public map: not its coordinates, but the centre of the cell of
 * about a kilometre (0.01° of latitude by 0.015° of longitude at Dnipro's latitude) they fall in.
 */
record MapCell(double latitude, double longitude) {

  static final double LAT_STEP = 0.01;
  static final double LON_STEP = 0.015;

  static MapCell of(double latitude, double longitude) {
    return new MapCell(centre(latitude, LAT_STEP), centre(longitude, LON_STEP));
  }

  private static double centre(double value, double step) {
    double centre = (Math.floor(value / step) + 0.5) * step;
    // rounded, so that equal cells compare equal in SQL
    return Math.round(centre * 100_000d) / 100_000d;
  }
}
