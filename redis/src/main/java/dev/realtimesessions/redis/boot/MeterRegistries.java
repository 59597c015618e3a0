package dev.realtimesessions.redis.boot;

import dev.realtimesessions.redis.RedisSharedRateGate;
import dev.realtimesessions.redis.RedisTokenQuota;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.BeanFactory;

/** The application's {@code MeterRegistry}, when it has one; only loaded when Micrometer is on the class path. */
final class MeterRegistries {

    private MeterRegistries() {
    }

    static void apply(RedisTokenQuota.Builder builder, BeanFactory beanFactory) {
        beanFactory.getBeanProvider(MeterRegistry.class).ifUnique(builder::meterRegistry);
    }

    static void apply(RedisSharedRateGate.Builder builder, BeanFactory beanFactory) {
        beanFactory.getBeanProvider(MeterRegistry.class).ifUnique(builder::meterRegistry);
    }
}
