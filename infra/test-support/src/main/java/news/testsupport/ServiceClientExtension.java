package news.testsupport;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Hands a Spring Boot test running its service on a random port the clients it asks for with {@link ServiceClient}:
 * fields are filled when the test instance is made, parameters of test and lifecycle methods are resolved. Register
 * it on the class (a module's test meta-annotation does), after {@code @SpringBootTest}.
 */
public final class ServiceClientExtension implements TestInstancePostProcessor, ParameterResolver {

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) throws Exception {
        for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                ServiceClient wanted = field.getAnnotation(ServiceClient.class);
                if (wanted != null) {
                    field.setAccessible(true);
                    field.set(instance, client(field.getType(), wanted, context));
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(ServiceClient.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return client(parameter.getParameter().getType(), parameter.findAnnotation(ServiceClient.class).orElseThrow(),
                context);
    }

    private static Object client(Class<?> type, ServiceClient wanted, ExtensionContext context) {
        String property = wanted.management() ? "local.management.port" : "local.server.port";
        Environment environment = SpringExtension.getApplicationContext(context).getEnvironment();
        Integer port = environment.getProperty(property, Integer.class);
        if (port == null) {
            throw new ExtensionConfigurationException("No " + property + " in " + context.getRequiredTestClass()
                    .getName() + ": a @ServiceClient needs @SpringBootTest(webEnvironment = RANDOM_PORT)");
        }
        TestHttp http = TestHttp.local(port);
        if (type == TestHttp.class) {
            return http;
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(TestHttp.class);
            constructor.setAccessible(true);
            return constructor.newInstance(http);
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException(type.getName() + " has no constructor taking a TestHttp", e);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new ExtensionConfigurationException("Cannot make a " + type.getName(), e);
        }
    }
}
