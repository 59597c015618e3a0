package dev.realtimesessions.internal;

import dev.realtimesessions.model.Include;
import dev.realtimesessions.model.Reasoning;
import dev.realtimesessions.model.ReasoningEffort;
import dev.realtimesessions.model.Truncation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON of the smaller GA session fields: {@code include}, {@code reasoning}, {@code truncation}, timestamps. */
final class GaSessionFields {

    private static final WireConstants<Truncation> TRUNCATION_MODES = WireConstants.of(
            List.of(Truncation.AUTO, Truncation.DISABLED), mode -> ((Truncation.Mode) mode).value(),
            mode -> mode.isBlank() ? null : Truncation.mode(mode));

    private GaSessionFields() {
    }

    static void writeInclude(JsonOut out, Include include) {
        out.stringValue(include.value());
    }

    static @Nullable List<Include> readInclude(JsonIn in) {
        return in.list(element -> element.string(WireEnums.INCLUDES));
    }

    static void writeReasoning(JsonOut out, Reasoning reasoning) {
        out.startObject();
        out.string("effort", reasoning.effort());
        out.endObject();
    }

    static @Nullable Reasoning readReasoning(JsonIn in) {
        if (in.isNull()) {
            return null;
        }
        if (!in.isObject()) {
            return in.keep();
        }
        ReasoningEffort effort = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("effort")) {
                effort = in.string(WireEnums.REASONING_EFFORTS);
            } else {
                in.keep();
            }
        }
        return new Reasoning(effort);
    }

    static void writeTruncation(JsonOut out, Truncation truncation) {
        if (truncation instanceof Truncation.Mode mode) {
            out.stringValue(mode.value());
        } else if (truncation instanceof Truncation.RetentionRatio ratio) {
            out.startObject();
            out.string("type", ratio.type());
            out.number("retention_ratio", ratio.retentionRatio());
            out.field("token_limits", ratio.tokenLimits(), (o, limits) -> {
                o.startObject();
                o.integer("post_instructions", limits.postInstructions());
                o.endObject();
            });
            out.endObject();
        }
    }

    /**
     * Reads a mode string, or {@code {"type": "retention_ratio", ...}}; a blank mode, or an object
     * of another type or shape, is kept.
     */
    static @Nullable Truncation readTruncation(JsonIn in) {
        if (in.isNull() || in.isString()) {
            Truncation mode = in.string(TRUNCATION_MODES);
            return mode != null || in.isNull() ? mode : in.keep();
        }
        return in.object(GaSessionFields::retentionRatio);
    }

    private static Truncation.@Nullable RetentionRatio retentionRatio(Map<String, Object> fields) {
        Object limits = fields.get("token_limits");
        if (!"retention_ratio".equals(fields.get("type")) || !(fields.get("retention_ratio") instanceof Number ratio)
                || fields.size() > 3 || limits != null && !(limits instanceof Map<?, ?>)) {
            return null;
        }
        Truncation.TokenLimits tokenLimits = null;
        if (limits instanceof Map<?, ?> limitFields) {
            Object postInstructions = limitFields.get("post_instructions");
            if (limitFields.size() > 1 || postInstructions != null && !(postInstructions instanceof Integer)) {
                return null;
            }
            tokenLimits = new Truncation.TokenLimits((Integer) postInstructions);
        }
        return new Truncation.RetentionRatio(ratio.doubleValue(), tokenLimits);
    }
}
