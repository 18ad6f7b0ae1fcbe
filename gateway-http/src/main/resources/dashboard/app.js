// Ordergate dashboard: plain JavaScript, no build step. Signs in (a user, or an API key), reads the API, and keeps
// accounts, positions, orders and fills live over the user WebSocket (API.md, "Market data and streams").
'use strict';

const state = { auth: null, socket: null, retry: 0, accounts: new Map(), positions: new Map(), orders: new Map(), fills: [] };
const $ = (id) => document.getElementById(id);
const OPEN = new Set(['accepted', 'routed', 'partially_filled', 'unknown']);

function headers() {
  const h = { 'Content-Type': 'application/json' };
  if (state.auth.token) { h.Authorization = 'Bearer ' + state.auth.token; }
  else { h['X-API-Key'] = state.auth.key; h['X-API-Secret'] = state.auth.secret; }
  return h;
}

async function api(method, path, body) {
  const response = await fetch(path, { method, headers: headers(), body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const error = new Error((json.error && json.error.message) || ('HTTP ' + response.status));
    error.status = response.status;
    throw error;
  }
  return json;
}

function cell(row, text, numeric) {
  const td = row.insertCell();
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (numeric) { td.className = 'num'; }
  return td;
}

function render() {
  const accounts = $('accounts-table').tBodies[0];
  accounts.replaceChildren();
  for (const a of state.accounts.values()) {
    const row = accounts.insertRow();
    row.dataset.accountId = a.account_id;
    [a.account_id, a.venue, a.status].forEach((v) => cell(row, v));
    [a.balance, a.equity, a.margin_used, a.open_positions].forEach((v) => cell(row, v, true));
  }
  const positions = $('positions-table').tBodies[0];
  positions.replaceChildren();
  for (const p of state.positions.values()) {
    const row = positions.insertRow();
    row.dataset.positionId = p.position_id;
    [p.position_id, p.account_id, p.symbol].forEach((v) => cell(row, v));
    cell(row, p.side).className = p.side;
    [p.quantity, p.open_price, p.unrealized_pnl].forEach((v) => cell(row, v, true));
  }
  const orders = $('orders-table').tBodies[0];
  orders.replaceChildren();
  for (const o of state.orders.values()) {
    const row = orders.insertRow();
    row.dataset.orderId = o.order_id;
    [o.order_id, o.account_id, o.symbol].forEach((v) => cell(row, v));
    cell(row, o.side).className = o.side;
    cell(row, o.type);
    [o.quantity, o.price].forEach((v) => cell(row, v, true));
    cell(row, o.status);
  }
  const fills = $('fills-table').tBodies[0];
  fills.replaceChildren();
  for (const f of state.fills) {
    const row = fills.insertRow();
    row.dataset.orderId = f.order_id;
    [f.time, f.order_id, f.account_id, f.symbol].forEach((v) => cell(row, v));
    cell(row, f.side).className = f.side;
    [f.quantity, f.price].forEach((v) => cell(row, v, true));
  }
}

function order(o) {
  if (OPEN.has(o.status)) { state.orders.set(o.order_id, o); } else { state.orders.delete(o.order_id); }
}

function position(p) {
  if (p.status === 'closed' || Number(p.quantity) === 0) { state.positions.delete(p.position_id); } else { state.positions.set(p.position_id, p); }
}

function fill(f) {
  if (!state.fills.some((x) => x.trade_id === f.trade_id)) {
    state.fills.unshift(f);
    state.fills.length = Math.min(state.fills.length, 20);
  }
}

function message(m) {
  if (m.type === 'snapshot') {
    if (m.channel === 'orders') { for (const o of m.data.orders) { order(o); } }
    else if (m.channel === 'positions') {
      for (const [id, p] of state.positions) { if (p.account_id === m.account_id) { state.positions.delete(id); } }
      for (const p of m.data.positions) { position(p); }
    }
    else if (m.channel === 'account') { state.accounts.set(m.data.account_id, m.data); }
  }
  else if (m.type === 'order') { order(m.data); }
  else if (m.type === 'position') { position(m.data); }
  else if (m.type === 'account') { state.accounts.set(m.data.account_id, m.data); }
  else if (m.type === 'fill') { fill(m.data); }
  else if (m.type === 'error') { console.warn('stream error', m.error); }
  render();
}

async function streamUrl() {
  let token = state.auth.token;
  if (!token) { token = (await api('POST', '/api/v1/streams/tickets', {})).ticket; }  // a key's headers cannot ride a WebSocket
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return scheme + '//' + location.host + '/ws/' + encodeURIComponent(state.auth.id) + '?access_token=' + encodeURIComponent(token);
}

async function connect() {
  if (!state.auth) { return; }
  const socket = new WebSocket(await streamUrl());
  state.socket = socket;
  socket.onopen = () => {
    state.retry = 0;
    $('stream-status').textContent = 'stream: live';
    $('stream-status').className = 'status on';
    state.orders.clear();  // the snapshots resync everything
    for (const id of state.accounts.keys()) {
      for (const channel of ['account', 'orders', 'positions']) {
        socket.send(JSON.stringify({ type: 'subscribe', channel, account_id: id }));
      }
    }
  };
  socket.onmessage = (event) => message(JSON.parse(event.data));
  socket.onclose = (event) => {
    $('stream-status').textContent = 'stream: closed (' + event.code + ')';
    $('stream-status').className = 'status off';
    if (state.auth && state.socket === socket) {
      state.retry = Math.min(state.retry + 1, 5);
      setTimeout(connect, 500 * 2 ** state.retry);
    }
  };
}

async function poll() {
  if (!state.auth) { return; }
  try {
    const latency = await api('GET', '/api/v1/latency');
    const body = $('latency-table').tBodies[0];
    body.replaceChildren();
    for (const [stage, s] of Object.entries(latency.stages)) {
      const row = body.insertRow();
      cell(row, stage);
      [s.count, s.p50_us, s.p99_us, s.p999_us, s.max_us].forEach((v) => cell(row, v, true));
    }
  } catch (e) { console.warn('latency', e); }
  try {
    const executors = await api('GET', '/api/v1/executors');
    const body = $('executors-table').tBodies[0];
    body.replaceChildren();
    for (const x of executors.executors || []) {
      const row = body.insertRow();
      [x.executor_id || x.id, x.account_id, x.status, x.last_heartbeat_at].forEach((v) => cell(row, v));
    }
    $('executors-note').textContent = (executors.executors || []).length === 0 ? 'no executors registered' : '';
  } catch (e) { $('executors-note').textContent = e.status === 403 ? 'executors are visible to admins' : String(e.message); }
}

async function start(auth) {
  state.auth = auth;
  try {
    const accounts = await api('GET', '/api/v1/accounts');
    state.accounts = new Map(accounts.accounts.map((a) => [a.account_id, a]));
    const trades = await api('GET', '/api/v1/trades?limit=20');
    state.fills = trades.trades || [];
  } catch (e) {
    state.auth = null;
    $('signin-error').textContent = 'Sign-in failed: ' + e.message;
    return;
  }
  sessionStorage.setItem('ordergate.auth', JSON.stringify(auth));
  $('signin').hidden = true;
  $('board').hidden = false;
  $('signout').hidden = false;
  $('who').textContent = auth.name;
  render();
  connect();
  poll();
  state.poller = setInterval(poll, 2000);
}

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('signin-error').textContent = '';
  const user = $('login-user').value.trim();
  const body = user.includes('@') ? { email: user, password: $('login-password').value } : { username: user, password: $('login-password').value };
  const response = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) { $('signin-error').textContent = (json.error && json.error.message) || 'Sign-in failed'; return; }
  start({ token: json.access_token, id: json.user.id, name: json.user.email || json.user.name });
});

$('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  $('signin-error').textContent = '';
  const key = $('key-input').value.trim();
  start({ key, secret: $('secret-input').value, id: key, name: key });
});

$('signout').addEventListener('click', () => {
  sessionStorage.removeItem('ordergate.auth');
  const socket = state.socket;
  state.auth = null;
  state.socket = null;
  if (socket) { socket.close(); }
  clearInterval(state.poller);
  location.reload();
});

const saved = sessionStorage.getItem('ordergate.auth');
if (saved) { start(JSON.parse(saved)); }
