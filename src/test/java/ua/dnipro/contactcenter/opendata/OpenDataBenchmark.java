package ua.dnipro.contactcenter.opendata;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ua.dnipro.contactcenter.statistics.StatisticsBenchmark;
import ua.dnipro.contactcenter.testing.PostgresForTests;

/**
 * How the open-data export streams as history grows: loads a year and then 1,000,000 complaints
 * (StatisticsBenchmark's loader, at Dnipro's pace) into PostgreSQL and writes the CSV of the last
 * year and of everything, printing rows per second, megabytes and how much the heap grew while
 * streaming (a constant, whatever the rows). Figures, not a pass/fail test:
 * {@code mvn -B test -Pbenchmark -Dtest=OpenDataBenchmark}; also target/benchmark/open-data.txt.
 */
class OpenDataBenchmark {

  @Test
  void printHowTheExportStreams() throws IOException {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(PostgresForTests.newDatabase());
    dataSource.setUsername("postgres");
    dataSource.setPassword("postgres");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
        .load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    OpenData openData = new OpenData(dataSource, new ua.dnipro.contactcenter.statistics.PublicCells(jdbc));
    TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    readOnly.setReadOnly(true);
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Kyiv"));

    StringBuilder table = new StringBuilder(String.format("%-34s %10s %10s %8s %10s %12s%n", "complaints.csv",
        "rows", "seconds", "MB", "rows/s", "heap kept"));
    int loaded = 0;
    for (int size : new int[] {StatisticsBenchmark.ANNUAL_VOLUME, 1_000_000}) {
      StatisticsBenchmark.load(jdbc, loaded, size, StatisticsBenchmark.ANNUAL_VOLUME);
      loaded = size;
      jdbc.execute("VACUUM ANALYZE cc_complaint_fact");
      for (int round = 0; round < 2; round++) { // the first round warms the JIT up, the second is printed
        for (LocalDate from : new LocalDate[] {today.minusYears(1).plusDays(1), LocalDate.of(1990, 1, 1)}) {
          String what = (from.getYear() == 1990 ? "everything" : "the last year") + String.format(", %,d loaded", size);
          AtomicLong rows = new AtomicLong();
          CountingWriter out = new CountingWriter();
          Csv csv = new Csv(out);
          MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
          System.gc();
          long heapBefore = memory.getHeapMemoryUsage().getUsed();
          AtomicLong heapPeak = new AtomicLong(heapBefore);
          long start = System.nanoTime();
          readOnly.executeWithoutResult(status -> openData.complaints(from, today, row -> {
            try {
              csv.record(row.values().toArray());
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
            if (rows.incrementAndGet() % 50_000 == 0) {
              System.gc(); // what the export keeps, not what it has thrown away
              heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            }
          }));
          double seconds = (System.nanoTime() - start) / 1e9;
          if (round == 1) {
            table.append(String.format("%-34s %,10d %10.2f %8.1f %,10.0f %9.0f MB%n", what, rows.get(), seconds,
                out.bytes / 1e6, rows.get() / seconds, (heapPeak.get() - heapBefore) / 1e6));
          }
        }
      }
    }
    table.append(String.format("(heap kept: the most the heap held after a GC, every 50,000 rows, over what it held "
        + "before the export; the GCs are in the seconds; %d cores, Java %s)%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
    System.out.println();
    System.out.println(table);
    Files.createDirectories(Path.of("target", "benchmark"));
    Files.writeString(Path.of("target", "benchmark", "open-data.txt"), table.toString());
    dataSource.close();
  }

  /** Counts what the export writes, keeping none of it. */
  static final class CountingWriter extends Writer {
    long bytes;

    @Override
    public void write(char[] buffer, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        bytes += buffer[i] < 0x80 ? 1 : buffer[i] < 0x800 ? 2 : 3;
      }
    }

    @Override
    public void write(String text) {
      write(text.toCharArray(), 0, text.length());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }
}
