/**
 * Implementation details: JSON codecs, the HTTP exchange, retry classification and redaction.
 * Not exported from the module and not part of the API; anything here may change.
 */
@NullMarked
package dev.realtimesessions.internal;

import org.jspecify.annotations.NullMarked;
