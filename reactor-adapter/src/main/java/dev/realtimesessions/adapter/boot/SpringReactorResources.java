package dev.realtimesessions.adapter.boot;

import dev.realtimesessions.RealtimeSessions;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Runs the client's own transport on Spring's Reactor Netty event loops when the application has a
 * {@link ReactorResourceFactory}. Loaded only when spring-web is on the class path.
 */
final class SpringReactorResources {

    private SpringReactorResources() {
    }

    static void useApplicationLoops(RealtimeSessions.Builder builder, BeanFactory beanFactory) {
        ReactorResourceFactory factory = beanFactory.getBeanProvider(ReactorResourceFactory.class).getIfUnique();
        if (factory != null) {
            builder.runOn(factory.getLoopResources());
        }
    }
}
