/**
 * Runnable programs that show the library at work; each uses OpenAI when {@code OPENAI_API_KEY} is
 * set and the embedded local endpoint otherwise.
 */
package dev.realtimesessions.examples;
