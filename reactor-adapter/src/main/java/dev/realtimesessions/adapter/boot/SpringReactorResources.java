package dev.realtimesessions.adapter.boot;

import dev.realtimesessions.RealtimeSessions;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Runs the client on Spring's Reactor Netty event loops when the application has a
 * {@link ReactorResourceFactory}. Loaded only when spring-web is on the class path.
 */
final class SpringReactorResources {

    private SpringReactorResources() {
    }

    static void useApplicationLoops(RealtimeSessions.Builder builder, BeanFactory beanFactory,
            RealtimeSessionsProperties properties) {
        ReactorResourceFactory factory = beanFactory.getBeanProvider(ReactorResourceFactory.class).getIfUnique();
        if (factory == null || !(beanFactory instanceof DefaultSingletonBeanRegistry registry)) {
            return;
        }
        ConnectionProvider pool = ConnectionProvider.builder("realtime-sessions")
                .maxConnections(properties.maxConnections())
                .pendingAcquireMaxCount(properties.maxPendingAcquires())
                .build();
        registry.registerDisposableBean("realtimeSessionsConnectionPool", pool::dispose);
        builder.httpClient(HttpClient.create(pool).runOn(factory.getLoopResources()));
    }
}
