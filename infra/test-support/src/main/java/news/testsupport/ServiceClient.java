package news.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field or parameter that {@link ServiceClientExtension} fills with a client of the service under test: a
 * {@link TestHttp}, or a module's own client built on one (any type with a constructor taking a {@link TestHttp}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ServiceClient {

    /** The management port (actuator: health, metrics, info) instead of the port clients use. */
    boolean management() default false;
}
