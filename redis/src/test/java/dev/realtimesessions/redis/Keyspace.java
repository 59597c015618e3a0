package dev.realtimesessions.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a test reads from Redis directly, on the test thread: every key (by SCAN), its value and time to live. */
final class Keyspace implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    Keyspace(String url) {
        this.client = RedisClient.create(url);
        this.connection = client.connect();
    }

    RedisCommands<String, String> commands() {
        return connection.sync();
    }

    /** Every key and its value, by SCAN (never KEYS). */
    Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String key : keys()) {
            entries.put(key, commands().get(key));
        }
        return entries;
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = commands().scan(cursor, ScanArgs.Builder.limit(500));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    void flush() {
        commands().flushall();
    }

    /** The digest a key carries for {@code user}: SHA-256, base64url without padding. */
    static String digest(String user) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(user.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
