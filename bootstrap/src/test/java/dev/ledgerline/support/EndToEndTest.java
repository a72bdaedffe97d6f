package dev.ledgerline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.ledgerline.LedgerlineApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on an embedded PostgreSQL over real HTTP. Every test class carrying this annotation shares
 * one application context (and one database), so tests must create their own users and data and never assume an
 * empty store.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = LedgerlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabase.class)
public @interface EndToEndTest {
}
