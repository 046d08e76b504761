// The newsroom: the editors' pages (the list of articles, the editor with its live preview, the moderation queue).
// They call the same public API as any client, with the session's token relayed by the gateway and the CSRF token
// on every write. Texts from the API are inserted with textContent, never as HTML.
(function () {
  'use strict';

  var N = window.News;
  var $ = N.$;
  var el = N.el;

  // --- calls ------------------------------------------------------------------------------------------------------

  function call(method, url, body, extraHeaders) {
    var headers = { Accept: 'application/json' };
    if (method !== 'GET') { headers['X-XSRF-TOKEN'] = N.csrfToken(); }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    Object.keys(extraHeaders || {}).forEach(function (name) { headers[name] = extraHeaders[name]; });
    return fetch(url, {
      method: method, credentials: 'same-origin', headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  function json(response) {
    return response.json().catch(function () { return {}; });
  }

  function sessionEnded() {
    showError('Your session has ended. Sign in again (what you typed is kept in this tab).', N.signInUrl());
  }

  function showError(message, signInLink) {
    var box = $('page-error');
    box.textContent = message;
    if (signInLink) {
      box.appendChild(document.createTextNode(' '));
      var link = el('a', null, 'Sign in');
      link.href = signInLink;
      box.appendChild(link);
    }
    box.hidden = false;
  }

  function clearError() {
    $('page-error').hidden = true;
    $('page-error').textContent = '';
  }

  function loadSections() {
    return call('GET', '/newsroom/sections').then(function (response) {
      return response.ok ? json(response) : { sections: [] };
    }).then(function (answer) { return answer.sections || []; }, function () { return []; });
  }

  function fillSections(select, sections) {
    sections.forEach(function (section) {
      var option = el('option', null, section);
      option.value = section;
      select.appendChild(option);
    });
  }

  function editorName(editor) {
    return editor && (editor.name || editor.sub) ? (editor.name || editor.sub) : 'someone';
  }

  var STATUS_NAMES = { draft: 'Draft', published: 'Published', unpublished: 'Unpublished' };

  // --- validation errors next to their field ----------------------------------------------------------------------
  // The API names each broken field as a JSON path (title, byline.email, body[3], tags[0]); each has a slot below
  // its input. Anything without a slot goes to the page's error box.

  function slotOf(field) {
    var root = String(field || '').replace(/\[\d+\]$/, '').replace('.', '-');
    return $('error-' + root) ? root : null;
  }

  function clearFieldErrors() {
    Array.prototype.forEach.call(document.querySelectorAll('.field-error'), function (slot) {
      slot.hidden = true;
      slot.textContent = '';
    });
    Array.prototype.forEach.call(document.querySelectorAll('[aria-invalid]'), function (input) {
      input.removeAttribute('aria-invalid');
    });
  }

  function showFieldErrors(problem, inputIdOf) {
    clearFieldErrors();
    var unplaced = [];
    var first = null;
    (problem.errors || []).forEach(function (error) {
      var slot = slotOf(error.field);
      if (!slot) { unplaced.push(error.field + ': ' + error.message); return; }
      var box = $('error-' + slot);
      var paragraph = /^body\[(\d+)\]$/.exec(error.field);
      var text = (paragraph ? 'Paragraph ' + (Number(paragraph[1]) + 1) + ': ' : '') + error.message;
      box.textContent = box.textContent ? box.textContent + ' ' + text : text;
      box.hidden = false;
      var input = $(inputIdOf(slot));
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        first = first || input;
      }
    });
    if (unplaced.length) { showError(unplaced.join(' ')); }
    if (!first && !unplaced.length) { showError(problem.detail || 'The request was refused.'); }
    if (first) { first.focus(); }
  }

  // --- confirmation -----------------------------------------------------------------------------------------------

  function confirmAction(title, text, yes) {
    var dialog = $('confirm');
    var opener = document.activeElement;
    $('confirm-title').textContent = title;
    $('confirm-text').textContent = text;
    $('confirm-yes').textContent = yes;
    return new Promise(function (resolve) {
      var answered = false;
      function answer(value) {
        if (answered) { return; }
        answered = true;
        $('confirm-yes').removeEventListener('click', onYes);
        $('confirm-no').removeEventListener('click', onNo);
        dialog.removeEventListener('cancel', onCancel);
        dialog.close();
        if (opener && opener.focus) { opener.focus(); }
        resolve(value);
      }
      function onYes() { answer(true); }
      function onNo() { answer(false); }
      function onCancel(event) { event.preventDefault(); answer(false); }
      $('confirm-yes').addEventListener('click', onYes);
      $('confirm-no').addEventListener('click', onNo);
      dialog.addEventListener('cancel', onCancel);
      dialog.showModal();
      $('confirm-no').focus();
    });
  }

  // --- the list of articles ---------------------------------------------------------------------------------------

  var list = { next: null };

  function listPage() {
    var params = new URLSearchParams(location.search);
    $('filter-q').value = params.get('q') || '';
    $('filter-status').value = params.get('status') || '';
    loadSections().then(function (sections) {
      fillSections($('filter-section'), sections);
      $('filter-section').value = params.get('section') || '';
      loadArticles(false);
    });
    $('filters').addEventListener('submit', function (event) {
      event.preventDefault();
      var query = filterQuery();
      history.replaceState(null, '', '/newsroom' + (query ? '?' + query : ''));
      loadArticles(false);
    });
    $('more-articles').addEventListener('click', function () { loadArticles(true); });
  }

  function filterQuery() {
    var query = new URLSearchParams();
    ['status', 'section', 'q'].forEach(function (name) {
      var value = $('filter-' + name).value.trim();
      if (value) { query.set(name, value); }
    });
    return query.toString();
  }

  function loadArticles(more) {
    var query = new URLSearchParams(filterQuery());
    query.set('limit', '20');
    if (more && list.next) { query.set('cursor', list.next); }
    $('main').setAttribute('aria-busy', 'true');
    clearError();
    call('GET', '/api/newsroom/articles?' + query.toString()).then(function (response) {
      if (response.status === 401) { sessionEnded(); return; }
      return json(response).then(function (answer) {
        if (response.status === 400) {
          showFieldErrors(answer, function (slot) { return 'filter-' + slot; });
          return;
        }
        if (!response.ok) { showError(answer.detail || 'The articles could not be loaded (' + response.status + ').'); return; }
        clearFieldErrors();
        renderRows(answer.items || [], more);
        list.next = answer.next || null;
        $('more-articles').hidden = !list.next;
      });
    }).catch(function () {
      showError('The articles could not be loaded: the newsroom is not reachable right now.');
    }).then(function () {
      $('main').setAttribute('aria-busy', 'false');
    });
  }

  function renderRows(items, more) {
    var rows = $('article-rows');
    if (!more) { rows.textContent = ''; }
    items.forEach(function (item) {
      var row = el('tr');
      row.id = 'row-' + item.id;
      var titleCell = el('td');
      var link = el('a', null, item.title);
      link.href = '/newsroom/articles/' + encodeURIComponent(item.id);
      titleCell.appendChild(link);
      row.appendChild(titleCell);
      row.appendChild(el('td', null, item.section));
      row.appendChild(el('td', 'status-' + item.status, STATUS_NAMES[item.status] || item.status));
      row.appendChild(el('td', null, item.editorPick ? 'Yes' : 'No'));
      var changed = el('td');
      var time = el('time', null, N.formatTime(item.updatedAt));
      if (item.updatedAt) { time.setAttribute('datetime', item.updatedAt); }
      changed.appendChild(time);
      changed.appendChild(document.createTextNode(' by ' + editorName(item.updatedBy)));
      row.appendChild(changed);
      rows.appendChild(row);
    });
    var count = rows.children.length;
    $('list-status').textContent = count === 0 ? 'No article matches.'
      : count + (count === 1 ? ' article' : ' articles') + (list.next || more ? ' shown.' : '.');
  }

  // --- the editor -------------------------------------------------------------------------------------------------

  var FIELDS = { title: 'edit-title', section: 'edit-section', source: 'edit-source',
    'byline-name': 'edit-byline-name', 'byline-email': 'edit-byline-email', body: 'edit-body', tags: 'edit-tags' };

  var editor = { id: null, article: null, saved: null, busy: false, undo: null, mine: null };

  function idFromPath() {
    var match = /^\/newsroom\/articles\/([^\/]+)\/?$/.exec(location.pathname);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function keptKey() { return 'newsroom.text.' + (editor.id || 'new'); }

  function editorPage() {
    editor.id = idFromPath();
    var form = $('editor');
    form.addEventListener('input', function () { preview(); keepText(); });
    form.addEventListener('change', preview);
    form.addEventListener('submit', function (event) { event.preventDefault(); save(); });
    $('publish').addEventListener('click', publish);
    $('unpublish').addEventListener('click', unpublish);
    $('pick').addEventListener('click', togglePick);
    $('undo').addEventListener('click', undo);
    $('conflict-reload').addEventListener('click', takeTheirs);
    $('conflict-overwrite').addEventListener('click', overwrite);
    loadSections().then(function (sections) {
      fillSections($('edit-section'), sections);
      if (!editor.id) {
        restoreKeptText();
        showState();
        preview();
        $('main').setAttribute('aria-busy', 'false');
        return;
      }
      document.querySelector('.newsroom-nav a[aria-current]').removeAttribute('aria-current');
      return fetchArticle(editor.id).then(function (article) {
        if (!article) { return; }
        loaded(article);
        restoreKeptText();
        preview();
      }).then(function () { $('main').setAttribute('aria-busy', 'false'); });
    });
  }

  function fetchArticle(id) {
    return call('GET', '/api/newsroom/articles/' + encodeURIComponent(id)).then(function (response) {
      if (response.status === 401) { sessionEnded(); return null; }
      if (response.status === 404) { showError('There is no article with this address.'); return null; }
      if (!response.ok) { showError('The article could not be loaded (' + response.status + ').'); return null; }
      return response.json();
    }, function () {
      showError('The article could not be loaded: the newsroom is not reachable right now.');
      return null;
    });
  }

  function loaded(article) {
    editor.article = article;
    fillForm(article);
    editor.saved = JSON.stringify(formContent());
    showState();
  }

  function fillForm(article) {
    $('edit-title').value = article.title || '';
    $('edit-section').value = article.section || '';
    $('edit-source').value = article.source || '';
    $('edit-byline-name').value = (article.byline && article.byline.name) || '';
    $('edit-byline-email').value = (article.byline && article.byline.email) || '';
    $('edit-body').value = (article.body || []).join('\n\n');
    $('edit-tags').value = (article.tags || []).join(', ');
  }

  function formContent() {
    return {
      title: $('edit-title').value.trim(),
      section: $('edit-section').value,
      source: $('edit-source').value.trim(),
      byline: { name: $('edit-byline-name').value.trim(), email: $('edit-byline-email').value.trim() },
      body: $('edit-body').value.split(/\n\s*\n/).map(function (p) { return p.trim(); })
        .filter(function (p) { return p.length > 0; }),
      tags: $('edit-tags').value.split(',').map(function (t) { return t.trim(); })
        .filter(function (t) { return t.length > 0; })
    };
  }

  function dirty() { return JSON.stringify(formContent()) !== editor.saved; }

  function preview() {
    var content = formContent();
    content.publishedAt = editor.article ? editor.article.publishedAt : null;
    N.renderArticle($('article'), content);
  }

  function keepText() {
    try { sessionStorage.setItem(keptKey(), JSON.stringify(formContent())); } catch (e) { /* storage may be off */ }
  }

  function forgetText() {
    try { sessionStorage.removeItem(keptKey()); } catch (e) { /* storage may be off */ }
  }

  function restoreKeptText() {
    var kept = null;
    try { kept = JSON.parse(sessionStorage.getItem(keptKey()) || 'null'); } catch (e) { kept = null; }
    if (!kept || JSON.stringify(kept) === editor.saved) { return; }
    fillForm(kept);
    say('Your unsaved text from before is back in the editor.');
  }

  function showState() {
    var article = editor.article;
    $('editor-heading').textContent = article ? 'Edit article' : 'New article';
    document.title = (article ? 'Edit: ' + article.title : 'New article') + ' · Newsroom · Defense News';
    if (!article) {
      $('article-state').textContent = 'Not saved yet.';
    } else {
      $('article-state').textContent = (STATUS_NAMES[article.status] || article.status)
        + (article.editorPick ? ' · editor\'s pick' : '') + ' · version ' + article.version
        + ' · last change by ' + editorName(article.updatedBy) + ', ' + N.formatTime(article.updatedAt);
    }
    var published = article && article.status === 'published';
    $('save').textContent = article && article.status !== 'draft' ? 'Save changes' : 'Save draft';
    $('publish').hidden = published;
    $('unpublish').hidden = !published;
    $('pick').hidden = !published;
    $('pick').textContent = article && article.editorPick ? 'Remove editor\'s pick' : 'Make editor\'s pick';
  }

  function say(text, undoLabel, undoAction) {
    $('action-text').textContent = text;
    editor.undo = undoAction || null;
    $('undo').hidden = !undoAction;
    $('undo').textContent = undoLabel || 'Undo';
  }

  function setBusy(busy) {
    editor.busy = busy;
    ['save', 'publish', 'unpublish', 'pick', 'undo', 'conflict-overwrite', 'conflict-reload'].forEach(function (id) {
      $(id).disabled = busy;
    });
  }

  function ifMatch() { return { 'If-Match': '"' + editor.article.version + '"' }; }

  /** Saves the form: creates the article the first time, then changes it at the version it was read at. */
  function persist() {
    var content = formContent();
    var request = editor.article
      ? call('PUT', '/api/articles/' + encodeURIComponent(editor.article.id), content, ifMatch())
      : call('POST', '/api/articles', Object.assign({ publish: false }, content));
    return request.then(function (response) {
      return json(response).then(function (answer) { return { response: response, answer: answer }; });
    }).then(function (result) {
      var status = result.response.status;
      if (status === 200 || status === 201) {
        var created = !editor.article;
        forgetText();
        editor.id = result.answer.id;
        loaded(result.answer);
        clearFieldErrors();
        clearError();
        if (created) { history.replaceState(null, '', '/newsroom/articles/' + encodeURIComponent(editor.id)); }
        return true;
      }
      return refused(result.response, result.answer);
    });
  }

  function refused(response, problem) {
    if (response.status === 401) { keepText(); sessionEnded(); return false; }
    if ((response.status === 412 || response.status === 409) && problem.currentVersion !== undefined) {
      conflict();
      return false;
    }
    if (response.status === 400) { showFieldErrors(problem, function (slot) { return FIELDS[slot]; }); return false; }
    showError(problem.detail || 'The newsroom refused this (' + response.status + ').');
    return false;
  }

  function failed() {
    keepText();
    showError('The newsroom is not reachable right now; your text is kept in this tab. Try again in a moment.');
  }

  function save() {
    if (editor.busy) { return; }
    setBusy(true);
    say('Saving…');
    persist().then(function (ok) {
      say(ok ? 'Saved as version ' + editor.article.version + '.' : '');
    }, failed).then(function () { setBusy(false); });
  }

  /** Runs a command on the saved article (publish, unpublish, pick), saving unsaved text first. */
  function command(path, body, done, undoLabel, undoAction) {
    setBusy(true);
    var ready = !editor.article || dirty() ? persist() : Promise.resolve(true);
    return ready.then(function (ok) {
      if (!ok) { return; }
      return call(body === undefined ? 'POST' : 'PUT', '/api/articles/' + encodeURIComponent(editor.article.id) + path,
        body, ifMatch()).then(function (response) {
        return json(response).then(function (answer) {
          if (response.status !== 200) { refused(response, answer); return; }
          loaded(answer);
          preview();
          say(done, undoLabel, undoAction);
        });
      });
    }).catch(failed).then(function () { setBusy(false); });
  }

  function doPublish() {
    return command('/publish', undefined, 'Published: it is on the site now.', 'Undo: unpublish', doUnpublish);
  }

  function doUnpublish() {
    return command('/unpublish', undefined, 'Unpublished: readers no longer see it.', 'Undo: publish again',
      doPublish);
  }

  function doPick(pick) {
    return command('/editor-pick', { editorPick: pick }, pick ? 'It is an editor\'s pick: it leads Must-Reads.'
      : 'It is no longer an editor\'s pick.', pick ? 'Undo: remove the pick' : 'Undo: pick it again',
      function () { return doPick(!pick); });
  }

  function publish() {
    var title = $('edit-title').value.trim() || 'this article';
    confirmAction('Publish this article?', '"' + title + '" will be on the site at once, in Just In and its section.'
      + (dirty() || !editor.article ? ' Your changes are saved first.' : ''), 'Publish')
      .then(function (yes) { if (yes) { doPublish(); } });
  }

  function unpublish() {
    confirmAction('Unpublish this article?', '"' + editor.article.title + '" leaves the site and every list at once.'
      + ' You can publish it again.', 'Unpublish').then(function (yes) { if (yes) { doUnpublish(); } });
  }

  function togglePick() {
    var pick = !editor.article.editorPick;
    confirmAction(pick ? 'Make it an editor\'s pick?' : 'Remove the editor\'s pick?', pick
      ? '"' + editor.article.title + '" will lead Must-Reads on every page.'
      : '"' + editor.article.title + '" goes back to its place by engagement in Must-Reads.',
    pick ? 'Make editor\'s pick' : 'Remove the pick').then(function (yes) { if (yes) { doPick(pick); } });
  }

  function undo() {
    var action = editor.undo;
    if (action && !editor.busy) { say(''); action(); }
  }

  // --- a conflict: someone else saved first ---------------------------------------------------------------------

  var CONFLICT_FIELDS = [
    ['Title', function (a) { return a.title; }],
    ['Section', function (a) { return a.section; }],
    ['Source', function (a) { return a.source; }],
    ['Byline', function (a) { return (a.byline.name || '') + ' <' + (a.byline.email || '') + '>'; }],
    ['Body', function (a) { return a.body.join('\n\n'); }],
    ['Tags', function (a) { return a.tags.join(', '); }]
  ];

  function conflict() {
    editor.mine = formContent();
    keepText();
    return fetchArticle(editor.article.id).then(function (theirs) {
      if (!theirs) { return; }
      editor.theirs = theirs;
      var mine = editor.mine;
      var theirContent = { title: theirs.title, section: theirs.section, source: theirs.source,
        byline: theirs.byline || {}, body: theirs.body || [], tags: theirs.tags || [] };
      $('conflict-text').textContent = editorName(theirs.updatedBy) + ' saved version ' + theirs.version + ' at '
        + N.formatTime(theirs.updatedAt) + ' while you were editing version ' + editor.article.version
        + '. Nothing of yours is lost: compare both versions below, then load theirs (your text stays here to copy'
        + ' from) or save yours over theirs.';
      $('conflict-theirs-heading').textContent = 'Their version (' + theirs.version + ', '
        + editorName(theirs.updatedBy) + ')';
      renderVersion($('conflict-mine'), mine, theirContent);
      renderVersion($('conflict-theirs'), theirContent, mine);
      $('conflict-overwrite').hidden = false;
      $('conflict-reload').hidden = false;
      $('conflict').hidden = false;
      say('Not saved: someone else saved this article first.');
      $('conflict-heading').setAttribute('tabindex', '-1');
      $('conflict-heading').focus();
    });
  }

  function renderVersion(list, content, other) {
    list.textContent = '';
    CONFLICT_FIELDS.forEach(function (field) {
      var value = field[1](content);
      var differs = value !== field[1](other);
      var term = el('dt', null, field[0] + (differs ? ' (differs)' : ''));
      var description = el('dd', differs ? 'differs' : null, value);
      list.appendChild(term);
      list.appendChild(description);
    });
  }

  function takeTheirs() {
    loaded(editor.theirs);
    preview();
    $('conflict-overwrite').hidden = true;
    $('conflict-reload').hidden = true;
    $('conflict-text').textContent = 'Their version ' + editor.theirs.version + ' is in the editor now. Your text is'
      + ' kept below until you leave this page: copy what you need from it.';
    say('Their version is loaded.');
    $('edit-title').focus();
  }

  function overwrite() {
    editor.article = editor.theirs;
    fillForm(editor.mine);
    setBusy(true);
    persist().then(function (ok) {
      if (ok) {
        $('conflict').hidden = true;
        say('Saved your text as version ' + editor.article.version + ', over theirs.');
      }
    }, failed).then(function () { setBusy(false); });
  }

  // --- the moderation queue ---------------------------------------------------------------------------------------

  var moderation = { next: null, titles: {} };

  function moderationPage() {
    $('more-moderation').addEventListener('click', function () { loadComments(true); });
    loadComments(false);
  }

  function loadComments(more) {
    var url = '/api/newsroom/comments?limit=20' + (more && moderation.next
      ? '&cursor=' + encodeURIComponent(moderation.next) : '');
    $('main').setAttribute('aria-busy', 'true');
    call('GET', url).then(function (response) {
      if (response.status === 401) { sessionEnded(); return; }
      return json(response).then(function (answer) {
        if (!response.ok) { showError(answer.detail || 'The comments could not be loaded (' + response.status + ').'); return; }
        var list = $('moderation-list');
        if (!more) { list.textContent = ''; }
        (answer.items || []).forEach(function (comment) { list.appendChild(moderationItem(comment)); });
        moderation.next = answer.next || null;
        $('more-moderation').hidden = !moderation.next;
        if (list.children.length === 0) { $('moderation-status').textContent = 'No comments yet.'; }
      });
    }).catch(function () {
      showError('The comments could not be loaded: the newsroom is not reachable right now.');
    }).then(function () {
      $('main').setAttribute('aria-busy', 'false');
    });
  }

  function articleTitle(id) {
    if (!moderation.titles[id]) {
      moderation.titles[id] = call('GET', '/api/newsroom/articles/' + encodeURIComponent(id)).then(function (r) {
        return r.ok ? r.json().then(function (a) { return a.title; }) : null;
      }).catch(function () { return null; });
    }
    return moderation.titles[id];
  }

  function moderationItem(comment) {
    var shown = N.commentItem('moderation-' + comment.id, comment);
    var item = shown.item;
    var on = el('p', 'comment-article', 'On ');
    var link = el('a', null, comment.articleId);
    link.href = '/article/' + encodeURIComponent(comment.articleId);
    on.appendChild(link);
    item.appendChild(on);
    articleTitle(comment.articleId).then(function (title) { if (title) { link.textContent = title; } });
    var remove = shown.remove;
    remove.addEventListener('click', function () { removeComment(comment, shown.author, item, remove); });
    item.appendChild(remove);
    return item;
  }

  function removeComment(comment, author, item, button) {
    confirmAction('Remove this comment?', 'The comment by ' + author + ' leaves the site at once. This cannot be'
      + ' undone.', 'Remove').then(function (yes) {
      if (!yes) { return; }
      button.disabled = true;
      call('DELETE', '/api/comments/' + encodeURIComponent(comment.id)).then(function (response) {
        if (response.status === 204 || response.status === 404) {
          var next = item.nextElementSibling && item.nextElementSibling.querySelector('.comment-remove');
          item.textContent = '';
          item.className = 'removed';
          item.appendChild(el('p', null, 'Removed: the comment by ' + author + '.'));
          $('moderation-status').textContent = 'The comment by ' + author + ' is removed.';
          if (next) { next.focus(); } else { $('main').focus(); }
          return;
        }
        if (response.status === 401) { sessionEnded(); }
        return N.problemText(response, 'The comment could not be removed (' + response.status + ').')
          .then(function (detail) { throw new Error(detail); });
      }).catch(function (error) {
        $('moderation-status').textContent = error.message;
        button.disabled = false;
      });
    });
  }

  // --- every newsroom page ----------------------------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', function () {
    N.wireSkipLink();
    var page = document.body.getAttribute('data-page');
    if ($('sign-out')) {
      N.wireSignOut();
      N.loadSession();
    }
    if (page === 'newsroom-door') {
      var signIn = $('door-sign-in');
      if (signIn) { signIn.href = N.signInUrl(location.pathname + location.search); }
    } else if (page === 'newsroom-list') {
      listPage();
    } else if (page === 'newsroom-editor') {
      editorPage();
    } else if (page === 'newsroom-comments') {
      moderationPage();
    }
  });
})();
