package news.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Points a Spring Boot test at a real broker and store: sets {@code spring.kafka.bootstrap-servers}, both Spring
 * Cloud Stream Kafka binders' {@code brokers} and {@code spring.mongodb.uri}. The broker and store are started
 * once per test JVM and shared, with every topic of the contract's topic list created. In
 * {@link InfrastructureMode#CONTAINERS} mode the test is disabled, not failed, when Docker is absent.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfrastructureAvailableCondition.class)
public @interface UseNewsInfrastructure {

    InfrastructureMode value() default InfrastructureMode.DEFAULT;
}
