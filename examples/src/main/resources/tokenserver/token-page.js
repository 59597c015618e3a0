// The TokenServer page: asks the app's token endpoint for a Realtime session, shows its voice, model
// and a live countdown to the secret's expiry, and, when the app mints against OpenAI, opens the
// WebRTC connection with the ephemeral key. No libraries, no external fetches but OpenAI's.
'use strict';

const TOKEN_PATH = '/realtime/session';
const OPENAI_CALLS = 'https://api.openai.com/v1/realtime/calls';

const $ = (id) => document.getElementById(id);
const upstream = document.documentElement.dataset.upstream;
let token = null;
let lifetime = 1;
let timer = null;
let peer = null;

function setStatus(state, text) {
  const status = $('status');
  status.dataset.state = state;
  status.textContent = text;
}

function showError(title, detail) {
  const error = $('error');
  error.replaceChildren();
  const strong = document.createElement('strong');
  strong.textContent = title;
  error.append(strong, document.createTextNode(detail));
  error.hidden = false;
}

function secondsLeft() {
  return Math.max(0, Math.ceil(token.expires_at - Date.now() / 1000));
}

function formatSeconds(seconds) {
  const minutes = Math.floor(seconds / 60);
  return minutes + ':' + String(seconds % 60).padStart(2, '0');
}

function tick() {
  const left = secondsLeft();
  const countdown = $('countdown');
  countdown.dataset.seconds = String(left);
  countdown.textContent = formatSeconds(left) + (left === 0 ? ' (expired)' : '');
  $('countdown-bar').style.width = Math.min(100, (100 * left) / lifetime) + '%';
  if (left === 0) {
    clearInterval(timer);
    timer = null;
    $('connect').disabled = true;
    setStatus('expired', 'The client secret has expired: mint a new one.');
  }
}

function masked(secret) {
  return secret.length > 12 ? secret.slice(0, 9) + '\u2026' + secret.slice(-4) : '\u2026';
}

function reset() {
  if (timer !== null) {
    clearInterval(timer);
    timer = null;
  }
  token = null;
  $('session').hidden = true;
  $('error').hidden = true;
  $('connect').hidden = true;
}

async function mint(withCredential) {
  reset();
  setStatus('loading', 'Asking the server for a session\u2026');
  let response;
  try {
    response = await fetch(TOKEN_PATH, {
      method: 'POST',
      credentials: withCredential ? 'same-origin' : 'omit',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
      cache: 'no-store',
    });
  } catch (e) {
    setStatus('error', 'No session.');
    showError('Could not reach the token endpoint.', ' ' + e.message);
    return;
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok || body === null || typeof body.value !== 'string') {
    const error = body && body.error ? body.error : {};
    const message = error.message || response.statusText || 'The endpoint did not answer with a session.';
    const kind = error.type ? ' ' + error.type : '';
    const retry = response.headers.get('Retry-After');
    setStatus('error', 'No session.');
    showError('The server refused to start a session (HTTP ' + response.status + kind + ').',
      message + (retry ? ' Retry after ' + retry + ' s.' : ''));
    return;
  }
  token = body;
  const session = body.session || {};
  $('voice').textContent = session.voice || '(server default)';
  $('model').textContent = session.model || '(server default)';
  $('session-id').textContent = session.id || '\u2013';
  $('secret').textContent = masked(body.value);
  lifetime = Math.max(1, body.expires_at - Date.now() / 1000);
  $('session').hidden = false;
  setStatus('ready', 'Session ready: the browser holds a short-lived client secret, never the API key.');
  if (upstream === 'openai') {
    $('connect').hidden = false;
    $('connect').disabled = false;
  }
  tick();
  timer = setInterval(tick, 250);
}

async function connect() {
  if (token === null || secondsLeft() === 0) {
    return;
  }
  const rtc = $('rtc');
  rtc.hidden = false;
  $('connect').disabled = true;
  try {
    rtc.textContent = 'Asking for the microphone\u2026';
    peer = new RTCPeerConnection();
    const audio = document.createElement('audio');
    audio.autoplay = true;
    peer.ontrack = (event) => { audio.srcObject = event.streams[0]; };
    const microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
    peer.addTrack(microphone.getTracks()[0]);
    const events = peer.createDataChannel('oai-events');
    events.addEventListener('open', () => { rtc.textContent = 'Connected to OpenAI Realtime: say something.'; });
    const offer = await peer.createOffer();
    await peer.setLocalDescription(offer);
    rtc.textContent = 'Connecting to OpenAI Realtime\u2026';
    const answer = await fetch(OPENAI_CALLS, {
      method: 'POST',
      body: offer.sdp,
      headers: { Authorization: 'Bearer ' + token.value, 'Content-Type': 'application/sdp' },
    });
    if (!answer.ok) {
      throw new Error('OpenAI answered HTTP ' + answer.status);
    }
    await peer.setRemoteDescription({ type: 'answer', sdp: await answer.text() });
  } catch (e) {
    rtc.textContent = 'WebRTC connection failed: ' + e.message;
    if (peer !== null) {
      peer.close();
      peer = null;
    }
    $('connect').disabled = false;
  }
}

$('upstream').textContent = upstream === 'openai'
  ? 'Minting against OpenAI'
  : 'Minting against the embedded local endpoint (set OPENAI_API_KEY to talk to OpenAI)';
$('mint').addEventListener('click', () => mint(true));
$('deny').addEventListener('click', () => mint(false));
$('connect').addEventListener('click', connect);
mint(!new URLSearchParams(window.location.search).has('deny'));
