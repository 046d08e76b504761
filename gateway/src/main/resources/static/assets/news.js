// What every page of the site shares: small DOM helpers, the signed-in user and sign-out, the skip link, a comment's
// list item, and the one way an article is drawn, used by the article page and by the newsroom's live preview alike.
// Every text that comes from the API (titles, bodies, comments, names) is inserted with textContent, never as HTML.
(function () {
  'use strict';

  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function codePoints(text) { return Array.from(text).length; }

  function formatTime(iso) {
    if (!iso) { return ''; }
    var date = new Date(iso);
    return isNaN(date.getTime()) ? '' : date.toLocaleString();
  }

  function problemText(response, fallback) {
    return response.json().then(function (problem) {
      return (problem && problem.detail) ? problem.detail : fallback;
    }, function () { return fallback; });
  }

  function sectionAnchor(section) {
    return 'section-' + String(section).toLowerCase().replace(/[^a-z0-9]+/g, '-');
  }

  // --- the signed-in user ----------------------------------------------------------------------------------------
  // The session is an HttpOnly cookie the page never sees; GET /api/session says who is signed in and sets the
  // XSRF-TOKEN cookie, which every write sends back in the X-XSRF-TOKEN header.
  var session = { signedIn: false, subject: null, name: null, roles: [], authorId: null };

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function here() { return location.pathname + location.search + location.hash; }

  function signInUrl(next) { return '/login?next=' + encodeURIComponent(next || here()); }

  function isEditor() { return session.roles.indexOf('editor') >= 0; }

  // A JSON answer about the signed-in user (sent with the session cookie), or `otherwise` when there is none.
  function accountJson(path, otherwise) {
    return fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : otherwise; })
      .catch(function () { return otherwise; });
  }

  function loadSession() {
    return accountJson('/api/session', { signedIn: false })
      .then(function (who) {
        session.signedIn = !!who.signedIn;
        session.subject = who.subject || null;
        session.name = who.name || null;
        session.roles = who.roles || [];
        renderAccount();
        return session;
      });
  }

  function renderAccount() {
    if ($('sign-in')) {
      $('sign-in').href = signInUrl();
      $('sign-in').hidden = session.signedIn;
    }
    $('signed-in').hidden = !session.signedIn;
    $('account-name').textContent = session.name || '';
  }

  function wireSignOut() {
    $('sign-out').addEventListener('click', function () {
      var button = this;
      button.disabled = true;
      fetch('/logout', {
        method: 'POST', credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() }
      }).then(function (response) {
        return response.ok ? response.json() : { location: '/' };
      }).then(function (answer) {
        location.assign(answer.location || '/');
      }, function () {
        button.disabled = false;
      });
    });
  }

  // Skip links: move focus to the main content, also where a browser only scrolls.
  function wireSkipLink() {
    var skip = document.querySelector('.skip-link[href="#main"]');
    if (!skip) { return; }
    skip.addEventListener('click', function (event) {
      event.preventDefault();
      $('main').focus();
      if (history.replaceState) { history.replaceState(null, '', '#main'); }
    });
  }

  // --- a comment, in an article's list and in the newsroom's moderation queue -------------------------------------
  // <li id=…> with its meta line (author · time) and its text, and a Remove button named for the author that each
  // page places and wires itself (the article page in the meta line, the moderation queue last).
  function commentItem(id, comment) {
    var item = el('li');
    item.id = id;
    var author = comment.author && comment.author.name ? comment.author.name : 'Reader';
    var meta = el('p', 'comment-meta');
    meta.appendChild(el('strong', null, author));
    meta.appendChild(document.createTextNode(' · '));
    var time = el('time', null, formatTime(comment.postedAt));
    if (comment.postedAt) { time.setAttribute('datetime', comment.postedAt); }
    meta.appendChild(time);
    item.appendChild(meta);
    item.appendChild(el('p', 'comment-text', comment.text));
    var remove = el('button', 'comment-remove', 'Remove');
    remove.type = 'button';
    remove.setAttribute('aria-label', 'Remove the comment by ' + author);
    return { item: item, meta: meta, author: author, remove: remove };
  }

  // --- an article, as readers see it -----------------------------------------------------------------------------
  // Fills <article> with section, title, source, time, body paragraphs and byline. The newsroom's preview calls the
  // same function on a draft, so what an editor previews is what the article page will show.
  function renderArticle(container, article) {
    container.textContent = '';
    var sectionLine = el('p', 'section-label');
    var label = el('a', null, article.section || '');
    label.id = 'section-label';
    // A draft without a section yet (newsroom preview) shows no empty link.
    if (article.section) { label.href = '/#' + sectionAnchor(article.section); }
    sectionLine.appendChild(label);
    container.appendChild(sectionLine);

    var title = el('h1', null, article.title || '');
    title.id = 'title';
    container.appendChild(title);

    var meta = el('p', 'meta');
    var source = el('span', 'source', 'Source: ');
    var sourceName = el('span', null, article.source || '');
    sourceName.id = 'source';
    source.appendChild(sourceName);
    meta.appendChild(source);
    meta.appendChild(document.createTextNode(' '));
    var published = el('time', null, formatTime(article.publishedAt));
    published.id = 'published';
    if (article.publishedAt) { published.setAttribute('datetime', article.publishedAt); }
    meta.appendChild(published);
    container.appendChild(meta);

    var body = el('div', 'article-body');
    body.id = 'body';
    (article.body || []).forEach(function (paragraph) { body.appendChild(el('p', null, paragraph)); });
    container.appendChild(body);

    var byline = article.byline || {};
    var bylineLine = el('p', 'byline', 'By ');
    var name = el('span', null, byline.name || '');
    name.id = 'byline-name';
    bylineLine.appendChild(name);
    bylineLine.appendChild(document.createTextNode(' · '));
    var email = el('a');
    email.id = 'byline-email';
    if (byline.email && /^[^\s@<>"']+@[^\s@<>"']+$/.test(byline.email)) {
      email.textContent = byline.email;
      email.href = 'mailto:' + byline.email;
    } else {
      email.hidden = true;
    }
    bylineLine.appendChild(email);
    container.appendChild(bylineLine);
  }

  window.News = {
    $: $, el: el, codePoints: codePoints, formatTime: formatTime, problemText: problemText,
    sectionAnchor: sectionAnchor, session: session, csrfToken: csrfToken, signInUrl: signInUrl, isEditor: isEditor,
    loadSession: loadSession, accountJson: accountJson, renderAccount: renderAccount, wireSignOut: wireSignOut,
    wireSkipLink: wireSkipLink, commentItem: commentItem, renderArticle: renderArticle
  };
})();
