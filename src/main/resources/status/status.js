// The status page: reads /api/status and /api/articles every few seconds and shows them.
// Article data is only ever set as text (textContent), never as HTML, so a title cannot run script.
'use strict';

const REFRESH_MS = 3000;
const ARTICLES_SHOWN = 20;
// What DeepL reports as the limit of an account without one (/v2/usage).
const DEEPL_NO_LIMIT = 1e12;
// The most articles on the work queue an ingest node counts (WorkQueueDepth.MOST).
const WORK_QUEUE_MOST = 10000;

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function row(cells) {
  const tr = el('tr');
  for (const cell of cells) {
    if (cell instanceof Node) {
      const td = el('td');
      td.appendChild(cell);
      tr.appendChild(td);
    } else {
      tr.appendChild(el('td', cell));
    }
  }
  return tr;
}

function time(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}

// Characters used of a limit of the DeepL budget (0: none set).
function used(count, limit) {
  return limit > 0 ? count + ' of ' + limit + ' characters used, ' + Math.max(0, limit - count) + ' left'
    : count + ' characters used (no limit set)';
}

// What each role (newsdesk.role) does, in a few words.
const ROLES = {
  all: 'takes articles from the inbox, translates and delivers them',
  ingest: 'takes articles from the inbox and queues them for the workers; it translates nothing',
  worker: 'takes articles off the work queue, translates and delivers them'
};

function showNode(node) {
  const leader = node.inboxLeader === null ? ''
    : node.inboxLeader ? ' This node leads the inbox.'
    : ' Standby: another node leads the inbox, and this one takes over if it stops.';
  const queue = node.workQueue === null ? ''
    : node.workQueue < 0 ? ' Work queue: not known (the broker does not answer).'
    : ' Work queue: ' + (node.workQueue >= WORK_QUEUE_MOST ? WORK_QUEUE_MOST + ' or more' : node.workQueue)
      + ' articles waiting for a worker.';
  document.getElementById('node').textContent = 'Role: ' + node.role + ' (' + (ROLES[node.role] || node.role) + ').'
    + leader + queue;
}

function showDeepl(deepl) {
  const body = document.querySelector('#deepl tbody');
  const budget = deepl.budget;
  const state = el('span', deepl.paused ? 'paused: ' + deepl.pauseReason : 'taking work', deepl.paused ? 'paused' : '');
  state.id = 'deepl-state';
  body.replaceChildren(
    row(['State', state]),
    row(['Requests in flight', deepl.requestsInFlight === null ? 'this node does not translate'
      : deepl.requestsInFlight + ' (limit now ' + deepl.requestsInFlightLimit + ')']),
    row(['Budget this billing month', used(budget.usedThisMonth, budget.monthlyLimit)
      + '; projected by its end: ' + budget.projectedThisMonth + ' characters']),
    row(['Budget today (UTC)', used(budget.usedToday, budget.dailyLimit)]),
    row(['DeepL account (/v2/usage)', deepl.account.used < 0 ? 'not known yet'
      : deepl.account.limit >= DEEPL_NO_LIMIT ? deepl.account.used + ' characters used this billing period, no character limit'
      : deepl.account.used + ' of ' + deepl.account.limit + ' characters used this billing period']));
}

// The states that keep Newsdesk from taking new articles (DeepL refusing or silent, budget, storage, ...), oldest first.
function showPaused(paused) {
  const body = document.querySelector('#paused tbody');
  body.replaceChildren(...paused.map(p => {
    const tr = row([time(p.since), p.condition, p.reason]);
    tr.className = 'paused';
    return tr;
  }));
  if (paused.length === 0) {
    body.appendChild(row(['none: taking new articles']));
  }
}

function showRejected(rejected) {
  const body = document.querySelector('#rejected tbody');
  body.replaceChildren(...rejected.map(r => row([time(r.rejectedAt), r.desk, r.file, r.reason])));
  if (rejected.length === 0) {
    body.appendChild(row(['none']));
  }
}

function articleRow(a) {
  const flags = el('span');
  for (const flag of a.flags) {
    flags.appendChild(el('span', flag, 'flag'));
  }
  const link = el('a', 'JSON');
  link.setAttribute('href', '/api/articles/' + encodeURIComponent(a.id));
  const tr = row([time(a.deliveredAt), a.file, a.originalTitle, a.title, el('div', a.summary, 'summary'), flags,
    a.billedCharacters, a.durationMs + ' ms', link]);
  tr.className = 'article';
  tr.dataset.id = a.id;
  return tr;
}

async function showDesk(container, desk, role) {
  const section = el('div');
  section.className = 'desk';
  section.dataset.desk = desk.desk;
  section.appendChild(el('h3', 'Desk ' + desk.desk));
  const figures = el('p', null, 'figures');
  // An ingest node queues articles rather than delivering them: the work queue's depth is in the node line.
  figures.append(el('span', 'In the inbox: ' + (desk.backlog === undefined ? '-' : desk.backlog)));
  if (role !== 'ingest') {
    figures.append(el('span', 'Delivered today: ' + desk.delivered));
  }
  figures.append(el('span', 'Rejected today: ' + desk.rejected));
  if (desk.unsupported > 0) {
    figures.append(el('span', 'Not taken (unsupported): ' + desk.unsupported));
  }
  section.appendChild(figures);
  const answer = await fetch('/api/articles?desk=' + encodeURIComponent(desk.desk) + '&limit=' + ARTICLES_SHOWN);
  const articles = await answer.json();
  const table = el('table');
  table.className = 'articles';
  const head = el('tr');
  for (const title of ['Delivered (UTC)', 'File', 'Original headline', 'Headline', 'Summary', 'Flags', 'Billed chars', 'Took', 'Result']) {
    head.appendChild(el('th', title));
  }
  table.appendChild(el('thead')).appendChild(head);
  const body = table.appendChild(el('tbody'));
  body.append(...articles.map(articleRow));
  section.appendChild(table);
  container.appendChild(section);
}

async function refresh() {
  try {
    const answer = await fetch('/api/status');
    const status = await answer.json();
    showNode(status.node);
    showDeepl(status.deepl);
    showPaused(status.paused);
    document.getElementById('simulator').hidden = !status.deepl.simulator;
    showRejected(status.rejected);
    const desks = el('div');
    for (const desk of status.desks) {
      await showDesk(desks, desk, status.node.role);
    }
    document.getElementById('desks').replaceChildren(...desks.childNodes);
    document.getElementById('updated').textContent = 'Updated ' + time(status.time) + ', every ' + REFRESH_MS / 1000 + ' s.';
  } catch (e) {
    document.getElementById('updated').textContent = 'Could not reach Newsdesk: ' + e;
  }
}

refresh();
setInterval(refresh, REFRESH_MS);
