package dev.realtimesessions.internal;

import dev.realtimesessions.model.Include;
import dev.realtimesessions.model.Reasoning;
import dev.realtimesessions.model.ReasoningEffort;
import dev.realtimesessions.model.Truncation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** JSON of the smaller GA session fields: {@code include}, {@code reasoning}, {@code truncation}, timestamps. */
final class GaSessionFields {

    private static final WireConstants<Truncation> TRUNCATION_MODES = WireConstants.of(
            List.of(Truncation.AUTO, Truncation.DISABLED), mode -> ((Truncation.Mode) mode).value(), Truncation::mode);

    private GaSessionFields() {
    }

    static void writeInclude(JsonOut out, Include include) {
        out.stringValue(include.value());
    }

    static @Nullable List<Include> readInclude(JsonIn in) {
        return in.list(element -> CommonJson.requireString(element, WireEnums.INCLUDES, "include[]"));
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
        in.expectObject("reasoning");
        ReasoningEffort effort = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("effort")) {
                effort = in.string(WireEnums.REASONING_EFFORTS);
            } else {
                in.skip();
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

    /** Reads a mode string, or {@code {"type": "retention_ratio", ...}}; another object type is a shape error. */
    static @Nullable Truncation readTruncation(JsonIn in) {
        if (in.isNull()) {
            return null;
        }
        if (in.isString()) {
            return CommonJson.requireString(in, TRUNCATION_MODES, "truncation");
        }
        in.expectObject("truncation");
        String type = null;
        Double ratio = null;
        Truncation.TokenLimits limits = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "type" -> type = in.string();
                case "retention_ratio" -> ratio = in.number();
                case "token_limits" -> limits = in.isNull() ? null : readTokenLimits(in);
                default -> in.skip();
            }
        }
        if (!"retention_ratio".equals(type) || ratio == null) {
            throw new JsonShapeException("truncation has an unknown shape (type " + type + ")");
        }
        return new Truncation.RetentionRatio(ratio, limits);
    }

    private static Truncation.TokenLimits readTokenLimits(JsonIn in) {
        in.expectObject("truncation.token_limits");
        Integer postInstructions = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("post_instructions")) {
                postInstructions = in.integer();
            } else {
                in.skip();
            }
        }
        return new Truncation.TokenLimits(postInstructions);
    }
}
