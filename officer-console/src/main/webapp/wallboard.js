// SPDX-License-Identifier: AGPL-3.0-or-later
// The supervisor's wallboard (after uPlot, i18n.js and page.js). It follows api/wallboard/events (a view every
// few seconds, no reload) and draws the last hours with uPlot (a WebJar served by the console itself). Every text
// from the server is put on the page with textContent; figures in the page's language and digits.
const { say, cell } = Page;
let board = null;
let chart = null;

function queueName(queue) { return queue === '' ? I18n.t('wallboard.all-queues') : I18n.tOr('queue.' + queue, queue); }

function queueRow(q) {
  const row = document.createElement('tr');
  row.dataset.queue = q.queue;
  cell(row, queueName(q.queue), 'queue');
  cell(row, I18n.number(q.waiting), 'waiting number');
  cell(row, I18n.duration(q.longestWaitSeconds), 'longest number');
  cell(row, I18n.number(q.offered), 'offered number');
  cell(row, I18n.number(q.answered), 'answered number');
  cell(row, I18n.percent(q.serviceLevel), 'service-level number');
  cell(row, I18n.percent(q.abandonRate), 'abandon-rate number');
  cell(row, I18n.number(q.endedBySystem), 'ended-by-system number');
  cell(row, I18n.duration(q.averageSpeedOfAnswerSeconds), 'asa number');
  cell(row, I18n.duration(q.averageHandlingSeconds), 'aht number');
  cell(row, I18n.number(q.callbacksWaiting), 'callbacks number');
  return row;
}

function render() {
  if (!board) { return; }
  $('window').textContent = I18n.t('wallboard.window', I18n.number(board.windowHours), I18n.dateTime(board.at));
  $('service-level-heading').textContent = I18n.t('wallboard.col.service-level', I18n.number(board.serviceLevelSeconds));
  $('queues').replaceChildren(...board.queues.map(queueRow));
  $('all-queues').replaceChildren(queueRow(board.allQueues));
  $('states').replaceChildren(...board.officersByState.map((s) => {
    const row = document.createElement('tr');
    row.dataset.state = s.state;
    cell(row, I18n.t('state.' + s.state)); cell(row, I18n.number(s.officers), 'number');
    return row;
  }));
  $('officers').replaceChildren(...board.officers.map((o) => {
    const row = document.createElement('tr');
    cell(row, o.officer, 'ident'); cell(row, I18n.t('state.' + o.state)); cell(row, I18n.dateTime(o.since));
    return row;
  }));
  draw();
}

function draw() {
  $('chart-heading').textContent = I18n.t('wallboard.chart', I18n.number(board.bucketMinutes), I18n.number(board.windowHours));
  const data = [
    board.chart.map((b) => Date.parse(b.from) / 1000),
    board.chart.map((b) => b.offered),
    board.chart.map((b) => b.answered),
    board.chart.map((b) => b.abandoned),
    board.chart.map((b) => (b.serviceLevel === null ? null : Math.round(b.serviceLevel * 100)))
  ];
  if (chart && chart.language === I18n.language()) { chart.setData(data); return; }
  if (chart) { chart.destroy(); }
  const count = (u, v) => (v === null ? '–' : I18n.number(v));
  const options = {
    width: Math.max(320, $('chart').clientWidth),
    height: 300,
    series: [
      { label: I18n.t('wallboard.series.time'), value: (u, v) => (v === null ? '–' : I18n.time(v * 1000)) },
      { label: I18n.t('wallboard.series.offered'), stroke: '#1f5fa8', width: 2, value: count },
      { label: I18n.t('wallboard.series.answered'), stroke: '#2e8b3a', width: 2, value: count },
      { label: I18n.t('wallboard.series.abandoned'), stroke: '#c0392b', width: 2, value: count },
      { label: I18n.t('wallboard.series.service-level'), stroke: '#8e44ad', dash: [6, 4], width: 2, scale: '%',
        value: (u, v) => (v === null ? '–' : I18n.percent(v / 100)) }
    ],
    scales: { '%': { range: [0, 100] }, y: { range: (u, min, max) => [0, Math.max(4, max)] } },
    axes: [
      { values: (u, splits) => splits.map((v) => I18n.time(v * 1000)) },
      { values: (u, splits) => splits.map((v) => I18n.number(v)) },
      { side: 1, scale: '%', grid: { show: false }, values: (u, splits) => splits.map((v) => I18n.percent(v / 100)) }
    ]
  };
  chart = new uPlot(options, data, $('chart'));
  chart.language = I18n.language();
}

function follow() {
  const events = new EventSource('api/wallboard/events');
  events.addEventListener('wallboard', (event) => { board = JSON.parse(event.data); render(); });
  events.addEventListener('refused', (event) => { say(event.data); events.close(); });
  events.onerror = async () => {
    const response = await fetch('api/wallboard', { credentials: 'same-origin' });
    if (response.status === 401) { events.close(); window.location.replace('sign-in.html'); }
  };
}

I18n.onChange(render);
(async () => {
  await Page.signedIn();
  follow();
})();
