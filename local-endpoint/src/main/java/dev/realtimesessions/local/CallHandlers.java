package dev.realtimesessions.local;

import dev.realtimesessions.local.CallTable.Decision;
import dev.realtimesessions.local.LocalCall.Api;
import dev.realtimesessions.local.LocalControl.Operation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /realtime/calls} and its controls {@code /realtime/calls/{call_id}/accept},
 * {@code /reject}, {@code /refer}, {@code /hangup} (spec notes, sections A and B).
 */
final class CallHandlers {

    private static final String SDP = "application/sdp";
    private static final String JSON = "application/json";

    private final RequestSchemas schemas;
    private final JsonBodies bodies;
    private final MintedSecrets minted;
    private final CallTable table;

    CallHandlers(RequestSchemas schemas, JsonBodies bodies, MintedSecrets minted, CallTable table) {
        this.schemas = schemas;
        this.bodies = bodies;
        this.minted = minted;
        this.table = table;
    }

    /**
     * Creates a call: a multipart form with the parts {@code sdp} ({@code application/sdp}) and
     * optionally {@code session} ({@code application/json}) with the account's key, or a raw
     * {@code application/sdp} body with a client secret.
     */
    Reply create(Exchange exchange) {
        Reply queryProblem = queryProblem(exchange);
        if (queryProblem != null) {
            return queryProblem;
        }
        Optional<MintedSecrets.Minted> secret = Optional.ofNullable(Credentials.bearer(exchange.header("authorization")))
                .flatMap(bearer -> minted.find(bearer, exchange.receivedAt()));
        if (!exchange.hasKey() && secret.filter(MintedSecrets.Minted::callable).isEmpty()) {
            return CallRules.unauthorized();
        }
        String contentType = Objects.requireNonNullElse(exchange.header("content-type"), "");
        Optional<String> boundary = MultipartForm.boundary(contentType);
        String offer;
        String session = secret.map(MintedSecrets.Minted::session).orElse(null);
        if (boundary.isPresent()) {
            MultipartForm form;
            try {
                form = MultipartForm.parse(exchange.body(), boundary.get());
            } catch (MultipartForm.MalformedFormException e) {
                return Reply.invalid(null, null, "We could not parse the multipart body of your request. "
                        + e.getMessage());
            }
            Reply formProblem = formProblem(form);
            if (formProblem != null) {
                return formProblem;
            }
            offer = form.named("sdp").get(0).content();
            List<MultipartForm.Part> sessionPart = form.named("session");
            if (!sessionPart.isEmpty()) {
                JsonBodies.Checked checked = bodies.check(sessionPart.get(0).content(), schemas.callSession, "session");
                if (checked.json() == null) {
                    return Objects.requireNonNull(checked.refusal());
                }
                session = checked.json().toString();
            }
        } else if (MultipartForm.mediaType(contentType).equals(SDP)) {
            if (exchange.hasKey()) {
                return Reply.invalid("unsupported_content_type", null, "A raw application/sdp body is for requests"
                        + " authenticated with a client secret. With an API key, send multipart/form-data with the"
                        + " part 'sdp' (application/sdp) and optionally 'session' (application/json).");
            }
            offer = exchange.text();
        } else {
            return Reply.invalid("unsupported_content_type", null, "Unsupported content type '" + contentType
                    + "': send multipart/form-data (parts 'sdp' and 'session'), or application/sdp with a"
                    + " client secret.");
        }
        String answer;
        try {
            answer = CallRules.answer(offer);
        } catch (SdpOffer.InvalidSdpException e) {
            return CallRules.invalidOffer("sdp", e);
        }
        String id = "rtc_local_" + Ids.hex(16);
        table.add(CallTable.created(id, Api.REALTIME, LocalCall.Transport.WEBRTC, exchange.receivedAt(), offer, answer,
                session, null));
        return Reply.sdp(201, answer, exchange.prefix() + "/realtime/calls/" + id);
    }

    /** Azure's {@code ?webrtcfilter=on|off} is the one query parameter, and only on Azure's layout. */
    private static @Nullable Reply queryProblem(Exchange exchange) {
        for (var parameter : exchange.query().entrySet()) {
            String name = parameter.getKey();
            boolean filter = name.equals("webrtcfilter") && exchange.layout() == LocalRequest.Layout.AZURE;
            if (!filter) {
                return Reply.invalid("unknown_parameter", name, "Unknown parameter: '" + name + "'.");
            }
            if (!List.of("on", "off").containsAll(parameter.getValue())) {
                return Reply.invalid("invalid_value", name, "Invalid value for 'webrtcfilter': expected 'on' or 'off'.");
            }
        }
        return null;
    }

    /** One {@code sdp} part of type application/sdp, at most one {@code session} of type application/json, nothing else. */
    private static @Nullable Reply formProblem(MultipartForm form) {
        for (MultipartForm.Part part : form.parts) {
            if (!part.name().equals("sdp") && !part.name().equals("session")) {
                return Reply.invalid("unknown_parameter", part.name(), "Unknown parameter: '" + part.name() + "'.");
            }
            String expected = part.name().equals("sdp") ? SDP : JSON;
            if (!part.mediaType().equals(expected)) {
                return Reply.invalid("unsupported_content_type", part.name(), "Invalid content type for part '"
                        + part.name() + "': expected '" + expected + "', but got '" + part.mediaType() + "' instead.");
            }
            if (form.named(part.name()).size() > 1) {
                return Reply.invalid("invalid_value", part.name(), "The part '" + part.name() + "' was sent more"
                        + " than once.");
            }
        }
        return form.named("sdp").isEmpty()
                ? Reply.invalid("missing_required_parameter", "sdp", "Missing required parameter: 'sdp'.") : null;
    }

    /** {@code POST /realtime/calls/{call_id}/{operation}}. */
    Reply control(Exchange exchange, String callId, Operation operation) {
        if (!exchange.hasKey()) {
            return CallRules.unauthorized();
        }
        Reply reply = table.control(callId, Api.REALTIME, operation, exchange.textOrNull(), exchange.receivedAt(),
                call -> decide(call, operation, exchange.text()));
        return reply != null ? reply : Reply.notFound("call_id", callId, "Call");
    }

    private Decision decide(LocalCall call, Operation operation, String body) {
        switch (operation) {
            case ACCEPT -> {
                JsonBodies.Checked session = bodies.check(body, schemas.callSession, "");
                if (session.json() == null) {
                    return Decision.keep(Objects.requireNonNull(session.refusal()));
                }
                return CallRules.ringing(call)
                        ? new Decision(Reply.empty(200), CallTable.accepted(call, session.json().toString()))
                        : CallRules.wrongState(call, "only a ringing SIP call can be accepted");
            }
            case REJECT -> {
                int status = 603;
                if (!body.isBlank()) {
                    JsonBodies.Checked reject = bodies.check(body, schemas.callReject, "");
                    if (reject.json() == null) {
                        return Decision.keep(Objects.requireNonNull(reject.refusal()));
                    }
                    status = reject.json().path("status_code").asInt(603);
                }
                return CallRules.ringing(call) ? new Decision(Reply.empty(200), CallTable.rejected(call, status))
                        : CallRules.wrongState(call, "only a ringing SIP call can be rejected");
            }
            case REFER -> {
                JsonBodies.Checked refer = bodies.check(body, schemas.callRefer, "");
                if (refer.json() == null) {
                    return Decision.keep(Objects.requireNonNull(refer.refusal()));
                }
                String target = refer.json().path("target_uri").asString();
                Reply problem = CallRules.referTargetProblem(target);
                return problem != null ? Decision.keep(problem) : CallRules.refer(call, target);
            }
            case HANGUP -> {
                return CallRules.hangup(call);
            }
            default -> throw new IllegalArgumentException("Realtime calls have no " + operation);
        }
    }
}
