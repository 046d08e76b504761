package news.article;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

import news.testsupport.ServiceClientExtension;
import news.testsupport.UseNewsInfrastructure;

/**
 * The whole service on a random port against the shared real broker and store. Every test class with this
 * annotation shares one application context. Fields and parameters marked {@code @ServiceClient} get a client of it
 * (an {@link Api}, or a plain {@code TestHttp} of the management port).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseNewsInfrastructure
@ExtendWith(ServiceClientExtension.class)
public @interface ArticleServiceTest {
}
