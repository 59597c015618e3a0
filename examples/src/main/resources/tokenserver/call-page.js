// The TokenServer's call page: the browser makes a WebRTC offer and posts it to the app's call
// endpoint, which starts the call with its API key and answers with the SDP answer alone. The page
// applies the answer, shows the signaling state and the time left before the app's limit, hangs up
// with DELETE of the answer's Location, and asks the app to revoke the user's calls, as a logout
// would. No libraries, no fetches but the app's.
'use strict';

const REVOKE_PATH = '/demo/revoke';

const $ = (id) => document.getElementById(id);
const page = document.documentElement.dataset;
const upstream = page.upstream;
const maxCallSeconds = Number(page.maxCallSeconds);

let peer = null;
let microphone = null;
let callLocation = null;
let endsAt = 0;
let timer = null;

function setStatus(state, text, reason) {
  const status = $('status');
  status.dataset.state = state;
  status.dataset.reason = reason || '';
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

function formatSeconds(seconds) {
  return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
}

function showSignaling() {
  const state = peer === null ? 'closed' : peer.signalingState;
  $('signaling').dataset.state = state;
  $('signaling').textContent = state;
}

function showMedia() {
  if (upstream !== 'openai') {
    $('media').textContent = 'none: the embedded local endpoint answers offers but sends no audio';
  } else {
    $('media').textContent = peer === null ? 'closed' : peer.connectionState;
  }
}

function stopTimer() {
  if (timer !== null) {
    clearInterval(timer);
    timer = null;
  }
}

// The app's limit runs from when OpenAI answered the offer, a little before this page got the
// answer: the call ends at the latest when this countdown reaches zero.
function tick() {
  const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
  const countdown = $('countdown');
  countdown.dataset.seconds = String(left);
  countdown.textContent = formatSeconds(left);
  $('countdown-bar').style.width = Math.min(100, (100 * left) / maxCallSeconds) + '%';
  if (left === 0) {
    ended('time-limit', 'Time is up: the app ends each call after ' + formatSeconds(maxCallSeconds) + '.');
  }
}

function closePeer() {
  if (peer !== null) {
    peer.close();
    peer = null;
  }
  if (microphone !== null) {
    microphone.getTracks().forEach((track) => track.stop());
    microphone = null;
  }
}

function ended(reason, text) {
  stopTimer();
  callLocation = null;
  closePeer();
  showSignaling();
  showMedia();
  $('hangup').hidden = true;
  $('start').hidden = false;
  $('start').disabled = false;
  setStatus('ended', text, reason);
}

function failed(title, detail) {
  stopTimer();
  const started = callLocation;
  callLocation = null;
  closePeer();
  if (started !== null) {
    // The app started the call but this page cannot use it: end it rather than wait for the limit.
    fetch(started, { method: 'DELETE', credentials: 'same-origin', cache: 'no-store' }).catch(() => {});
  }
  $('call').hidden = true;
  $('hangup').hidden = true;
  $('start').hidden = false;
  $('start').disabled = false;
  setStatus('error', 'No call.');
  showError(title, detail);
}

async function refusal(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  const error = body && body.error ? body.error : {};
  return { kind: error.type ? ' ' + error.type : '', message: error.message || response.statusText || '' };
}

async function start() {
  stopTimer();
  closePeer();
  $('error').hidden = true;
  $('start').disabled = true;
  $('call').hidden = false;
  $('countdown').textContent = '\u2013';
  $('countdown').dataset.seconds = '';
  $('countdown-bar').style.width = '100%';
  setStatus('connecting', 'Asking for the microphone\u2026');
  try {
    peer = new RTCPeerConnection();
    peer.addEventListener('signalingstatechange', showSignaling);
    peer.addEventListener('connectionstatechange', showMedia);
    peer.ontrack = (event) => { $('remote-audio').srcObject = event.streams[0]; };
    microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
    peer.addTrack(microphone.getAudioTracks()[0], microphone);
    const events = peer.createDataChannel('oai-events');
    if (upstream === 'openai') {
      // OpenAI closes the connection when the call is hung up (by the app, or at its limit). The
      // local endpoint sends no media, so there the channel never opens and nothing closes.
      events.addEventListener('close', () => {
        if (callLocation !== null) {
          ended('closed', 'The call is over: OpenAI closed the connection.');
        }
      });
    }
    await peer.setLocalDescription(await peer.createOffer());
    showSignaling();
    showMedia();
    setStatus('connecting', 'Sending the offer to the app\u2026');
    const response = await fetch(page.callPath, {
      method: 'POST',
      body: peer.localDescription.sdp,
      headers: { 'Content-Type': 'application/sdp' },
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (response.status !== 201) {
      const why = await refusal(response);
      failed('The app refused to start a call (HTTP ' + response.status + why.kind + ').', ' ' + why.message);
      return;
    }
    callLocation = response.headers.get('Location');
    const answer = await response.text();
    await peer.setRemoteDescription({ type: 'answer', sdp: answer });
  } catch (e) {
    failed('Could not start the call.', ' ' + e.message);
    return;
  }
  endsAt = Date.now() + maxCallSeconds * 1000;
  $('start').hidden = true;
  $('hangup').hidden = false;
  $('hangup').disabled = false;
  showSignaling();
  showMedia();
  setStatus('connected', upstream === 'openai'
    ? 'Call started: the app posted your offer to OpenAI and handed back the answer. Say something.'
    : 'Call started: the app posted your offer to the embedded local endpoint and handed back its answer.');
  tick();
  timer = setInterval(tick, 250);
}

async function hangUp() {
  const location = callLocation;
  if (location === null) {
    return;
  }
  callLocation = null;
  $('hangup').disabled = true;
  setStatus('connecting', 'Hanging up\u2026');
  let response;
  try {
    response = await fetch(location, { method: 'DELETE', credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    failed('Could not reach the app to hang up.', ' ' + e.message);
    return;
  }
  if (response.status === 204) {
    ended('hung-up', 'You hung up: the app ended the call.');
  } else if (response.status === 404) {
    ended('hung-up', 'The call had ended already.');
  } else {
    const why = await refusal(response);
    failed('The app could not hang up (HTTP ' + response.status + why.kind + ').', ' ' + why.message);
  }
}

async function revoke() {
  $('revoke').disabled = true;
  try {
    const response = await fetch(REVOKE_PATH, { method: 'POST', credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) {
      const why = await refusal(response);
      setStatus('error', 'Not revoked.');
      showError('The app refused (HTTP ' + response.status + why.kind + ').', ' ' + why.message);
      return;
    }
    const body = await response.json();
    ended('revoked', 'Revoked: the app hung up ' + body.ended + (body.ended === 1 ? ' call' : ' calls')
      + ' of yours.');
  } catch (e) {
    setStatus('error', 'Not revoked.');
    showError('Could not reach the app.', ' ' + e.message);
  } finally {
    $('revoke').disabled = false;
  }
}

$('upstream').textContent = upstream === 'openai'
  ? 'Calls go to OpenAI'
  : 'Calls go to the embedded local endpoint (set OPENAI_API_KEY to talk to OpenAI)';
$('start').addEventListener('click', start);
$('hangup').addEventListener('click', hangUp);
$('revoke').addEventListener('click', revoke);
// Leaving the page ends its call at once rather than at the app's limit.
window.addEventListener('pagehide', () => {
  if (callLocation !== null) {
    fetch(callLocation, { method: 'DELETE', credentials: 'same-origin', keepalive: true }).catch(() => {});
    callLocation = null;
  }
});
