// "Số liệu" (/quan-tri/so-lieu/): the staff's dashboard. The markup is the
// press's (views::dashboard); this script asks the function's /v1/staff/…
// for the figures with the staff token (kept in sessionStorage, never in an
// address) and fills the page's slots: `data-o` text, `data-href` links,
// `data-w` bar widths, rows cloned from its <template>s. Text is set as
// text, never as HTML. The visits chart is uPlot's (window.uPlot).
(() => {
  'use strict';

  const body = document.body;
  const endpoint = (body.dataset.endpoint || '').replace(/\/$/, '');
  const TOKEN_KEY = 'so-lieu-token';
  const DAY_MS = 86400000;
  const LEVELS = ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'];
  const KINDS = { 'bai-viet': 'Bài viết', 'van-ban': 'Văn bản', trang: 'Trang' };
  const number = new Intl.NumberFormat('vi-VN');
  const decimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const $ = (selector) => document.querySelector(selector);

  // The reader's theme on this site, else the system's.
  try {
    const theme = localStorage.getItem(body.dataset.themeKey);
    if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  } catch (_) { /* storage refused: the system's theme */ }

  // Days are "YYYY-MM-DD" in Vietnam's calendar (UTC+7 all year).
  const today = () => new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
  const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
  const viDate = (date) => date.split('-').reverse().join('/');
  const viMonth = (month) => month.split('-').reverse().join('/');
  const thisMonth = () => today().slice(0, 7);
  const previousMonth = () => addDays(`${thisMonth()}-01`, -1).slice(0, 7);
  function monthRange(month) {
    const [year, number_] = month.split('-').map(Number);
    const last = new Date(Date.UTC(year, number_, 0)).getUTCDate();
    return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
  }
  const share = (part, whole) => (whole ? `${number.format(Math.round((part / whole) * 100))} %` : '–');
  function change(now, before, against) {
    if (!before) return now ? `${against}: chưa có số liệu` : '';
    const percent = Math.round(((now - before) / before) * 100);
    const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±';
    return `${sign}${number.format(Math.abs(percent))} % ${against}`;
  }

  // Slots and rows.
  function fill(root, values) {
    for (const [attribute, apply] of [
      ['data-o', (node, value) => { node.textContent = value; }],
      ['data-href', (node, value) => { node.href = value; }],
      ['data-w', (node, value) => { node.style.width = `${value}%`; }],
    ]) {
      const nodes = [...root.querySelectorAll(`[${attribute}]`)];
      if (root.hasAttribute(attribute)) nodes.push(root);
      for (const node of nodes) {
        const key = node.getAttribute(attribute);
        if (key in values) apply(node, values[key]);
      }
    }
    return root;
  }
  const clone = (template, values) => fill($(`#${template}`).content.firstElementChild.cloneNode(true), values);
  const rows = (container, template, list) => container.replaceChildren(...list.map((values) => clone(template, values)));

  // The function.
  class Refused extends Error {
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }
  const token = () => sessionStorage.getItem(TOKEN_KEY) || '';
  async function ask(path, params = {}) {
    const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value)).toString();
    let answer;
    try {
      answer = await fetch(`${endpoint}/v1/staff/${path}${query ? `?${query}` : ''}`, {
        headers: { Authorization: `Bearer ${token()}` },
        cache: 'no-store',
      });
    } catch (_) {
      throw new Refused(`Không kết nối được máy chủ thống kê (${endpoint || 'chưa cấu hình counter_endpoint'}). Xin kiểm tra mạng rồi thử lại.`, 0);
    }
    if (answer.status === 401) {
      throw new Refused('Mã truy cập không đúng hoặc đã được thay. Xin nhập lại mã do bộ phận công nghệ thông tin cấp.', 401);
    }
    if (answer.status === 429) {
      const seconds = answer.headers.get('Retry-After') || '60';
      throw new Refused(`Đã gửi quá nhiều yêu cầu trong một phút; xin thử lại sau ${seconds} giây.`, 429);
    }
    if (!answer.ok) {
      let reason = '';
      try { reason = (await answer.json()).error || ''; } catch (_) { /* not JSON */ }
      throw new Refused(`Máy chủ thống kê báo lỗi ${answer.status}${reason ? `: ${reason}` : ''}.`, answer.status);
    }
    // CSV as bytes: text() would drop the byte-order mark spreadsheets need.
    return path.endsWith('.csv') ? answer.arrayBuffer() : answer.json();
  }

  const alertBox = $('#loi');
  function showError(message) {
    alertBox.textContent = message;
    alertBox.hidden = !message;
  }
  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    $('#so-lieu').hidden = true;
    $('#dang-nhap').hidden = false;
    showError(message);
    $('#ma-truy-cap').focus();
  }
  function fail(error) {
    if (error.status === 401) signOut(error.message);
    else showError(error.message || String(error));
  }

  // Titles of the published pages by path (trang.json, beside this page).
  let titles = {};
  const named = (path) => ({ title: titles[path] || path, path: titles[path] ? path : '', href: path });
  const loadTitles = () => fetch('trang.json', { cache: 'no-store' })
    .then((r) => (r.ok ? r.json() : {}))
    .then((list) => { titles = list; })
    .catch(() => {});

  // Visits per day.
  let chart;
  let trafficParams = {};
  function palette() {
    const chosen = document.documentElement.dataset.theme;
    const dark = chosen === 'dark' || (chosen !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
    return dark
      ? { visits: '#ff9f9f', fill: 'rgba(255,159,159,0.18)', views: '#8cc4ff', axis: '#d6d6d6', grid: '#3b3d40' }
      : { visits: '#9f1c1c', fill: 'rgba(159,28,28,0.12)', views: '#0b4f9c', axis: '#333333', grid: '#e2e2e2' };
  }
  function draw(days) {
    const box = $('#bieu-do-truy-cap');
    chart?.destroy();
    chart = undefined;
    if (!window.uPlot) {
      box.textContent = 'Không tải được thư viện biểu đồ; số liệu ở bảng bên dưới.';
      return;
    }
    box.replaceChildren();
    const colors = palette();
    const stamps = days.map((day) => Date.parse(`${day.date}T00:00:00+07:00`) / 1000);
    const dayOf = (stamp) => new Date(stamp * 1000 + 7 * 3600000).toISOString().slice(0, 10);
    const count = (_, value) => (value == null ? '–' : number.format(value));
    chart = new window.uPlot({
      width: Math.max(280, box.clientWidth),
      height: 260,
      scales: { x: { time: true } },
      axes: [
        {
          stroke: colors.axis,
          grid: { stroke: colors.grid },
          ticks: { stroke: colors.grid },
          values: (_, splits) => splits.map((stamp) => viDate(dayOf(stamp)).slice(0, 5)),
        },
        {
          stroke: colors.axis,
          grid: { stroke: colors.grid },
          ticks: { stroke: colors.grid },
          values: (_, splits) => splits.map((value) => number.format(value)),
        },
      ],
      series: [
        { label: 'Ngày', value: (_, stamp) => (stamp == null ? '–' : viDate(dayOf(stamp))) },
        { label: 'Lượt truy cập', stroke: colors.visits, fill: colors.fill, width: 2, value: count },
        { label: 'Lượt xem', stroke: colors.views, width: 1.5, value: count },
      ],
    }, [stamps, days.map((day) => day.visits), days.map((day) => day.views)], box);
  }
  async function loadTraffic() {
    const days = Number($('#khoang').value);
    trafficParams = { from: addDays(today(), 1 - days), to: today() };
    const data = await ask('stats', trafficParams);
    fill($('#truy-cap .totals'), {
      visits: number.format(data.visits),
      'visits-change': change(data.previous.visits, data.previous.previous_visits, `so với ${days} ngày trước đó`),
      week: number.format(data.week.visits),
      'week-change': change(data.week.visits, data.week.previous_visits, 'so với cùng kỳ tuần trước'),
      month: number.format(data.month.visits),
      'month-change': change(data.month.visits, data.month.previous_visits, 'so với cùng kỳ tháng trước'),
      views: number.format(data.views),
      'views-change': '',
    });
    fill($('#truy-cap figcaption'), {
      'chart-caption': `Từ ${viDate(data.from)} đến ${viDate(data.to)}, mới nhất ở đầu bảng. Lượt xem từng trang được giữ từ ${viDate(data.kept_from)}.`,
    });
    rows($('#bang-ngay tbody'), 'mau-ngay', [...data.days].reverse().map((day) => ({
      date: viDate(day.date),
      visits: number.format(day.visits),
      views: number.format(day.views),
    })));
    draw(data.days);
  }

  // The most-read pages.
  let pagesParams = {};
  async function loadPages() {
    const choice = $('#trang-khoang').value;
    for (const node of document.querySelectorAll('.month-pick')) node.hidden = choice !== 'thang';
    pagesParams = choice === 'thang'
      ? monthRange($('#trang-thang').value || previousMonth())
      : { from: addDays(today(), 1 - Number(choice)), to: today() };
    pagesParams.kind = $('#trang-loai').value;
    const data = await ask('pages', pagesParams);
    fill($('#doc-nhieu'), {
      'pages-summary': data.count
        ? `${number.format(data.count)} trang có lượt xem, tổng ${number.format(data.views)} lượt, từ ${viDate(data.from)} đến ${viDate(data.to)}.`
        : `Chưa có lượt xem nào từ ${viDate(data.from)} đến ${viDate(data.to)}.`,
    });
    rows($('#bang-trang tbody'), 'mau-trang', data.pages.slice(0, 100).map((page, i) => ({
      rank: number.format(i + 1),
      ...named(page.path),
      kind: KINDS[page.kind] || page.kind,
      views: number.format(page.views),
    })));
  }

  // Satisfaction.
  const levels = (scores, count) => Object.fromEntries(scores.map((n, i) => [`s${i + 1}`, count ? `${number.format(n)} (${share(n, count)})` : '0']));
  async function loadRatings() {
    const month = $('#danh-gia-thang').value || thisMonth();
    const data = await ask('ratings', { month });
    const satisfied = data.scores[3] + data.scores[4];
    fill($('#hai-long'), {
      'ratings-summary': data.count
        ? `Tháng ${viMonth(month)}: ${number.format(data.count)} lượt đánh giá, điểm trung bình ${decimal.format(data.average)}/5; hài lòng và rất hài lòng: ${share(satisfied, data.count)}.`
        : `Tháng ${viMonth(month)} chưa có lượt đánh giá nào.`,
    });
    rows($('#bieu-do-hai-long'), 'mau-cot', data.months.map((m) => ({
      month: viMonth(m.month),
      count: number.format(m.count),
      ...Object.fromEntries(m.scores.map((n, i) => [`s${i + 1}`, m.count ? ((n / m.count) * 100).toFixed(2) : '0'])),
    })));
    rows($('#bang-thang tbody'), 'mau-thang', [...data.months].reverse().map((m) => ({
      month: viMonth(m.month),
      count: number.format(m.count),
      ...levels(m.scores, m.count),
      average: m.count ? decimal.format(m.average) : '–',
    })));
    rows($('#bang-trang-danh-gia tbody'), 'mau-trang-danh-gia', data.pages.map((page) => ({
      ...named(page.path),
      count: number.format(page.count),
      average: decimal.format(page.average),
    })));
    rows($('#y-kien'), 'mau-y-kien', data.comments.map((c) => ({
      date: viDate(c.date),
      score: `${c.score} điểm – ${LEVELS[c.score - 1] || ''}`,
      ...named(c.path),
      comment: c.comment,
    })));
    document.querySelector('[data-o="comments-empty"]').hidden = data.comments.length > 0;
  }

  // Citizens' comments and questions (only where the portal takes them).
  async function loadSubmissions() {
    if (!$('#nguoi-dan')) return;
    const [comments, questions, open] = await Promise.all([
      ask('comments'),
      ask('questions'),
      fetch('/data/consultations.json', { cache: 'no-store' }).then((r) => (r.ok ? r.json() : [])).catch(() => []),
    ]);
    rows($('#bang-du-thao tbody'), 'mau-du-thao', open.map((draft) => ({
      ...named(draft.path),
      closes: viDate(new Date(Date.parse(draft.closes) + 7 * 3600000).toISOString().slice(0, 10)),
      count: number.format(comments.filter((c) => c.path === draft.path).length),
    })));
    const waiting = questions.filter((q) => !q.answer_path).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    rows($('#bang-cau-hoi tbody'), 'mau-cau-hoi', waiting.map((q) => ({
      code: q.code,
      topic: q.topic,
      date: viDate(new Date(Date.parse(q.at) + 7 * 3600000).toISOString().slice(0, 10)),
      age: `${number.format(Math.max(0, Math.floor((Date.now() - Date.parse(q.at)) / DAY_MS)))} ngày`,
    })));
  }

  // The monthly report, filled for the chosen month, shown in print.
  async function loadReport() {
    const month = $('#bao-cao-chon').value || previousMonth();
    const range = monthRange(month);
    const [traffic, pages, ratings] = await Promise.all([ask('stats', range), ask('pages', { ...range, limit: 10 }), ask('ratings', { month })]);
    const busiest = traffic.days.reduce((best, day) => (day.visits > (best?.visits ?? -1) ? day : best), undefined);
    fill($('#bao-cao'), {
      'report-title': `Báo cáo số liệu tháng ${viMonth(month)}`,
      'report-made': `Lập ngày ${viDate(today())} từ số liệu thống kê tự động của cổng thông tin điện tử.`,
    });
    rows($('#bao-cao-tong tbody'), 'mau-chi-tieu', [
      { label: 'Lượt truy cập trong tháng', value: number.format(traffic.visits) },
      { label: 'So với tháng trước', value: change(traffic.month.visits, traffic.month.previous_visits, 'so với cùng kỳ tháng trước') || '–' },
      { label: 'Lượt xem trang', value: number.format(traffic.views) },
      { label: 'Ngày nhiều lượt truy cập nhất', value: busiest && busiest.visits ? `${viDate(busiest.date)} (${number.format(busiest.visits)} lượt)` : '–' },
      { label: 'Số lượt đánh giá mức độ hài lòng', value: number.format(ratings.count) },
      { label: 'Điểm hài lòng trung bình', value: ratings.count ? `${decimal.format(ratings.average)}/5` : '–' },
      { label: 'Tỉ lệ hài lòng và rất hài lòng', value: share(ratings.scores[3] + ratings.scores[4], ratings.count) },
    ]);
    rows($('#bao-cao-trang tbody'), 'mau-bao-cao-trang', pages.pages.slice(0, 10).map((page, i) => ({
      rank: number.format(i + 1),
      title: titles[page.path] ? `${titles[page.path]} (${page.path})` : page.path,
      views: number.format(page.views),
    })));
  }

  // A view as CSV: fetched with the token, saved from memory.
  const CSV_NAMES = { stats: 'so-lieu-truy-cap', pages: 'trang-doc-nhieu', ratings: 'danh-gia-hai-long', comments: 'gop-y-du-thao', questions: 'cau-hoi' };
  async function download(report) {
    const params = report === 'stats' ? trafficParams
      : report === 'pages' ? pagesParams
        : report === 'ratings' ? { month: $('#danh-gia-thang').value || thisMonth() } : {};
    const bytes = await ask(`${report}.csv`, params);
    const period = params.month || (params.from ? `${params.from}_${params.to}` : today());
    const link = $('#tai-xuong');
    link.href = URL.createObjectURL(new Blob([bytes], { type: 'text/csv;charset=utf-8' }));
    link.download = `${CSV_NAMES[report]}-${period}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  async function load() {
    showError('');
    const titlesLoaded = loadTitles();
    try {
      await loadTraffic();
    } catch (error) {
      $('#dang-nhap').hidden = false;
      fail(error);
      return;
    }
    await titlesLoaded;
    $('#dang-nhap').hidden = true;
    $('#so-lieu').hidden = false;
    // Drawn while hidden: now the box has its width.
    chart?.setSize({ width: Math.max(280, $('#bieu-do-truy-cap').clientWidth), height: 260 });
    await Promise.all([loadPages(), loadRatings(), loadSubmissions(), loadReport()].map((p) => p.catch(fail)));
    body.dataset.loaded = 'true';
  }

  $('#danh-gia-thang').value = thisMonth();
  $('#trang-thang').value = previousMonth();
  $('#bao-cao-chon').value = previousMonth();
  $('#dang-nhap').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('#ma-truy-cap');
    const typed = input.value.trim();
    if (!typed) return;
    sessionStorage.setItem(TOKEN_KEY, typed);
    input.value = '';
    load();
  });
  $('#dang-xuat').addEventListener('click', () => signOut(''));
  $('#khoang').addEventListener('change', () => loadTraffic().catch(fail));
  for (const id of ['#trang-khoang', '#trang-thang', '#trang-loai']) $(id).addEventListener('change', () => loadPages().catch(fail));
  $('#danh-gia-thang').addEventListener('change', () => loadRatings().catch(fail));
  $('#bao-cao-chon').addEventListener('change', () => loadReport().catch(fail));
  $('#in-bao-cao').addEventListener('click', () => loadReport().then(() => window.print()).catch(fail));
  for (const button of document.querySelectorAll('[data-csv]')) {
    button.addEventListener('click', () => download(button.dataset.csv).catch(fail));
  }
  let resizing;
  addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => chart?.setSize({ width: Math.max(280, $('#bieu-do-truy-cap').clientWidth), height: 260 }), 150);
  });
  if (token()) load();
})();
