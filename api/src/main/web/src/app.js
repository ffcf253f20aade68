// The tickstream page: candlesticks of an instrument's bars with signals and fills as markers,
// live bars over the WebSocket stream, and the account's positions. The token (needed when the
// API has auth on) comes from ?token=, the field, or localStorage.
import { CandlestickSeries, createChart, createSeriesMarkers } from 'lightweight-charts';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const TOKEN_KEY = 'tickstream.token';
let token = params.get('token') ?? localStorage.getItem(TOKEN_KEY) ?? '';
let socket = null;
window.__barsDrawn = 0;
window.__markers = 0;
window.__positions = 0;

const chart = createChart($('chart'), {
  layout: { background: { color: '#0f1419' }, textColor: '#d9dde3' },
  grid: { vertLines: { color: '#1c232b' }, horzLines: { color: '#1c232b' } },
  timeScale: { timeVisible: true, secondsVisible: true },
  autoSize: true,
});
const candles = chart.addSeries(CandlestickSeries, {
  upColor: '#26a69a', downColor: '#ef5350', borderVisible: false,
  wickUpColor: '#26a69a', wickDownColor: '#ef5350',
});
const markers = createSeriesMarkers(candles, []);

function status(text) { $('status').textContent = text; }
const seconds = (iso) => Math.floor(Date.parse(iso) / 1000);

async function api(path) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const response = await fetch(path, { headers });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${response.status} ${body.code ?? ''}: ${body.message ?? path}`);
  return body;
}

const bar = (b) => ({ time: seconds(b.start), open: +b.open, high: +b.high, low: +b.low, close: +b.close });

async function loadInstruments() {
  const { items } = await api('/api/v1/instruments');
  const wanted = params.get('instrument');
  $('instrument').replaceChildren(...items.map((i) => new Option(i.instrumentId, i.instrumentId, false, i.instrumentId === wanted)));
}

async function loadAccounts() {
  const { items } = await api('/api/v1/accounts');
  const wanted = params.get('account');
  $('account').replaceChildren(...items.map((a) => new Option(a.accountId, a.accountId, false, a.accountId === wanted)));
}

async function loadBars(instrument, spec) {
  const { items } = await api(`/api/v1/bars/${encodeURIComponent(instrument)}?spec=${spec}&limit=1000`);
  candles.setData(items.map(bar));
  chart.timeScale().fitContent();
  window.__barsDrawn = items.length;
  return items;
}

async function loadMarkers(instrument, account) {
  const list = [];
  const signals = await api(`/api/v1/signals?instrumentId=${encodeURIComponent(instrument)}&limit=1000`);
  for (const s of signals.items) {
    if (s.direction === 'FLAT') continue;
    const long = s.direction === 'LONG';
    list.push({ time: seconds(s.tsEvent) - 60, position: long ? 'belowBar' : 'aboveBar', color: long ? '#4fc3f7' : '#ffb74d', shape: long ? 'arrowUp' : 'arrowDown', text: s.strategyId });
  }
  if (account) {
    try {
      const fills = await api(`/api/v1/accounts/${encodeURIComponent(account)}/order-events?type=FILLED&instrumentId=${encodeURIComponent(instrument)}&limit=1000`);
      for (const f of fills.items) {
        list.push({ time: seconds(f.tsEvent) - (seconds(f.tsEvent) % 60), position: 'inBar', color: '#e1f5fe', shape: 'circle', text: `fill ${f.fillQuantity}@${f.fillPrice}` });
      }
    } catch (e) { status(`fills: ${e.message}`); } // viewers may not see orders
  }
  list.sort((a, b) => a.time - b.time);
  markers.setMarkers(list);
  window.__markers = list.length;
}

async function loadPositions(account) {
  const body = $('positions').querySelector('tbody');
  if (!account) { body.replaceChildren(); return; }
  const { items } = await api(`/api/v1/accounts/${encodeURIComponent(account)}/positions`);
  body.replaceChildren(...items.map((p) => {
    const tr = document.createElement('tr');
    for (const v of [p.instrumentId, p.quantity, p.avgPrice, p.realizedPnl, p.unrealizedPnl, p.tsEvent]) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.append(td);
    }
    return tr;
  }));
  window.__positions = items.length;
}

function subscribe(instrument, spec) {
  if (socket) socket.close();
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = new URLSearchParams({ instrumentId: instrument });
  if (token) query.set('access_token', token);
  socket = new WebSocket(`${scheme}://${location.host}/api/v1/streams/bars?${query}`);
  socket.onmessage = (event) => {
    const b = JSON.parse(event.data);
    if (b.spec === spec) candles.update(bar(b));
  };
  socket.onclose = (event) => { if (event.code !== 1000 && event.code !== 1005) status(`live stream closed: ${event.code} ${event.reason}`); };
}

async function load() {
  try {
    status('loading…');
    if (!$('instrument').options.length) await loadInstruments();
    if (!$('account').options.length) await loadAccounts();
    const instrument = $('instrument').value;
    const spec = $('spec').value;
    const account = $('account').value;
    const items = await loadBars(instrument, spec);
    await loadMarkers(instrument, account);
    await loadPositions(account);
    subscribe(instrument, spec);
    status(`${items.length} bars`);
  } catch (e) {
    status(e.message);
  }
}

$('token').value = token;
if (params.get('spec')) $('spec').value = params.get('spec');
$('apply').onclick = () => {
  token = $('token').value.trim();
  localStorage.setItem(TOKEN_KEY, token);
  $('instrument').replaceChildren();
  $('account').replaceChildren();
  load();
};
$('instrument').onchange = load;
$('spec').onchange = load;
$('account').onchange = load;
load();
