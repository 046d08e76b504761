// The reference site: fills the home page and article pages from the gateway's page API (helpers and the article's
// rendering in news.js). Every text that comes from the API is inserted with textContent, never as HTML.
(function () {
  'use strict';

  var MAX_COMMENT = 300;
  var PART_NAMES = { article: 'the article', comments: 'the comments', sections: 'the section lists' };
  var N = window.News;
  var $ = N.$;
  var el = N.el;
  var session = N.session;

  function showError(message) {
    var box = $('page-error');
    box.textContent = message;
    box.hidden = false;
  }

  function showDegraded(parts) {
    var note = $('degraded-note');
    if (!parts || parts.length === 0) { note.hidden = true; return; }
    var names = parts.map(function (p) {
      var heading = $(p + '-heading');
      return PART_NAMES[p] || (heading ? heading.textContent : p);
    });
    note.textContent = 'Some of this page may be out of date or missing right now: ' + names.join(', ') + '.';
    note.hidden = false;
  }

  function renderHeadlines(listId, headlines) {
    var list = $(listId);
    if (!list) { return; }
    list.textContent = '';
    (headlines || []).forEach(function (headline) {
      var item = el('li');
      var link = el('a', null, headline.title);
      link.href = '/article/' + encodeURIComponent(headline.id);
      item.appendChild(link);
      if (headline.section) { item.appendChild(el('span', 'headline-section', headline.section)); }
      list.appendChild(item);
    });
    if (list.children.length === 0) { list.appendChild(el('li', null, 'Nothing here yet.')); }
  }

  // ---------- home page ----------

  function loadHome() {
    fetch('/api/pages/home', { headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) {
        return N.problemText(response, 'The front page is not available right now.').then(function (text) {
          throw new Error(text);
        });
      }
      return response.json();
    }).then(function (page) {
      // every list the page has a box for (an <ol> with the list's name as id), whatever lists the API sends
      Object.keys(page.lists || {}).forEach(function (name) {
        if ($(name)) { renderHeadlines(name, page.lists[name]); }
      });
      var container = $('sections');
      container.textContent = '';
      (page.sections || []).forEach(function (block) {
        var section = el('section', 'list-box');
        var heading = el('h2', null, block.section);
        heading.id = N.sectionAnchor(block.section);
        section.setAttribute('aria-labelledby', heading.id);
        var list = el('ol', 'headlines');
        list.id = heading.id + '-list';
        section.appendChild(heading);
        section.appendChild(list);
        container.appendChild(section);
        renderHeadlines(list.id, block.latest);
      });
      showDegraded(page.degraded);
    }).catch(function (error) {
      showError(error.message || 'The front page is not available right now.');
    }).then(function () {
      $('main').setAttribute('aria-busy', 'false');
    });
  }

  // ---------- article page ----------

  var state = { id: null, url: null, title: '', count: 0, next: null, viewed: false };

  function articleIdFromPath() {
    var match = /^\/article\/([^\/]+)\/?$/.exec(location.pathname);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function loadArticle() {
    state.id = articleIdFromPath();
    state.url = location.origin + '/article/' + encodeURIComponent(state.id || '');
    if (!state.id) { showError('This address names no article.'); return; }
    fetch('/api/pages/article/' + encodeURIComponent(state.id), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 404) {
          throw new Error('This article does not exist or is no longer published.');
        }
        if (!response.ok) {
          return N.problemText(response, 'This article is not available right now. Please try again shortly.')
            .then(function (text) { throw new Error(text); });
        }
        return response.json();
      })
      .then(function (page) {
        renderArticle(page.article);
        renderComments(page.comments);
        renderHeadlines('latestStories', page.lists.latestStories);
        renderHeadlines('justIn', page.lists.justIn);
        renderHeadlines('popularNow', page.lists.popularNow);
        renderHeadlines('mustReads', page.lists.mustReads);
        showDegraded(page.degraded);
        postViewOnce();
      })
      .catch(function (error) {
        $('title').textContent = 'Article unavailable';
        document.title = 'Article unavailable · Defense News';
        showError(error.message || 'This article is not available right now.');
      })
      .then(function () {
        $('main').setAttribute('aria-busy', 'false');
      });
  }

  function renderArticle(article) {
    state.title = article.title;
    document.title = article.title + ' · Defense News';
    N.renderArticle($('article'), article);
    wireShareLinks();
  }

  function renderComments(comments) {
    state.count = comments.count || 0;
    state.next = comments.next || null;
    $('comment-count').textContent = String(state.count);
    var list = $('comment-list');
    list.textContent = '';
    (comments.items || []).forEach(function (comment) { list.appendChild(commentItem(comment)); });
    $('more-comments').hidden = !state.next;
  }

  function commentItem(comment) {
    var shown = N.commentItem('comment-' + comment.id, comment);
    var remove = shown.remove;
    remove.setAttribute('data-comment', comment.id);
    remove.setAttribute('data-author', comment.author && comment.author.id ? comment.author.id : '');
    remove.hidden = !mayRemove(remove);
    remove.addEventListener('click', removeComment);
    shown.meta.appendChild(remove);
    return shown.item;
  }

  // An editor may remove every comment, a reader their own; the services decide again. Comments name their author by
  // a pseudonym only comment-service can make, so the page asks it for the signed-in reader's own.
  function mayRemove(button) {
    return session.signedIn && (N.isEditor()
      || (!!session.authorId && button.getAttribute('data-author') === session.authorId));
  }

  // Editors may remove every comment: only a reader needs to know which are hers.
  function loadAuthorId() {
    session.authorId = null;
    if (!session.signedIn || N.isEditor()) { return Promise.resolve(null); }
    return N.accountJson('/api/authors/me', {}).then(function (me) {
      session.authorId = me.id || null;
      return session.authorId;
    });
  }

  function showRemoveButtons() {
    Array.prototype.forEach.call(document.querySelectorAll('.comment-remove'), function (button) {
      button.hidden = !mayRemove(button);
    });
  }

  function removeComment() {
    var button = this;
    var id = button.getAttribute('data-comment');
    var status = $('comment-status');
    button.disabled = true;
    fetch('/api/comments/' + encodeURIComponent(id), {
      method: 'DELETE', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': N.csrfToken() }
    }).then(function (response) {
      if (response.status === 204 || response.status === 404) {
        var item = $('comment-' + id);
        if (item) { item.parentNode.removeChild(item); }
        state.count = Math.max(0, state.count - 1);
        $('comment-count').textContent = String(state.count);
        status.textContent = 'The comment is removed.';
        return;
      }
      return N.problemText(response, 'The comment could not be removed (' + response.status + ').')
        .then(function (detail) { throw new Error(detail); });
    }).catch(function (error) {
      status.textContent = error.message;
      button.disabled = false;
    });
  }

  function loadMoreComments() {
    if (!state.next) { return; }
    var url = '/api/articles/' + encodeURIComponent(state.id) + '/comments?limit=20&cursor='
      + encodeURIComponent(state.next);
    fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) { throw new Error('More comments could not be loaded.'); }
      return response.json();
    }).then(function (page) {
      var list = $('comment-list');
      (page.items || []).forEach(function (comment) { list.appendChild(commentItem(comment)); });
      state.next = page.next || null;
      $('more-comments').hidden = !state.next;
    }).catch(function (error) {
      $('comment-status').textContent = error.message;
    });
  }

  function postViewOnce() {
    if (state.viewed) { return; }
    state.viewed = true;
    fetch('/api/articles/' + encodeURIComponent(state.id) + '/views', {
      method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' }, body: '{}'
    }).catch(function () { /* a lost view is not the reader's problem */ });
  }

  function postShare(channel) {
    fetch('/api/articles/' + encodeURIComponent(state.id) + '/shares', {
      method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: channel })
    }).catch(function () { /* sharing works without the count */ });
  }

  function wireShareLinks() {
    var url = encodeURIComponent(state.url);
    var title = encodeURIComponent(state.title);
    $('share-facebook').href = 'https://www.facebook.com/sharer/sharer.php?u=' + url;
    $('share-x').href = 'https://x.com/intent/post?url=' + url + '&text=' + title;
    $('share-kakaotalk').href = 'https://story.kakao.com/share?url=' + url;
    $('share-email').href = 'mailto:?subject=' + title + '&body=' + url;
  }

  function wireShareEvents() {
    ['share-facebook', 'share-x', 'share-kakaotalk', 'share-email'].forEach(function (id) {
      $(id).addEventListener('click', function () { postShare(this.getAttribute('data-channel')); });
    });
    $('share-link').addEventListener('click', function () {
      var status = $('share-status');
      var done = function () { status.textContent = 'Link copied.'; };
      var failed = function () { status.textContent = 'Copy this link: ' + state.url; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(state.url).then(done, failed);
      } else {
        failed();
      }
      postShare('link');
    });
  }

  function draftKey() { return 'news.draft.' + state.id; }

  function offerSignIn() {
    var offer = $('comment-sign-in');
    $('comment-sign-in-link').href = N.signInUrl('/article/' + encodeURIComponent(state.id) + '#comment-text');
    offer.hidden = false;
  }

  function wireCommentBox() {
    var text = $('comment-text');
    var counter = $('comment-counter');
    var update = function () {
      var chars = Array.from(text.value);
      if (chars.length > MAX_COMMENT) {
        text.value = chars.slice(0, MAX_COMMENT).join('');
      }
      counter.textContent = N.codePoints(text.value) + ' / ' + MAX_COMMENT;
    };
    var keepDraft = function () {
      try { sessionStorage.setItem(draftKey(), text.value); } catch (e) { /* storage may be off */ }
    };
    try { text.value = sessionStorage.getItem(draftKey()) || ''; } catch (e) { /* storage may be off */ }
    text.addEventListener('input', function () { update(); keepDraft(); });
    text.addEventListener('focus', function () { if (!session.signedIn) { offerSignIn(); } });
    update();
    $('more-comments').addEventListener('click', loadMoreComments);
    $('comment-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var status = $('comment-status');
      var body = text.value.trim();
      if (!session.signedIn) {
        keepDraft();
        offerSignIn();
        status.textContent = 'Sign in to comment: what you have typed stays here.';
        $('comment-sign-in-link').focus();
        return;
      }
      if (!body) { status.textContent = 'Write a comment first.'; text.focus(); return; }
      $('comment-submit').disabled = true;
      status.textContent = 'Posting…';
      fetch('/api/articles/' + encodeURIComponent(state.id) + '/comments', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': N.csrfToken() },
        body: JSON.stringify({ text: body })
      }).then(function (response) {
        if (response.status === 201) { return response.json(); }
        if (response.status === 401) {
          session.signedIn = false;
          N.renderAccount();
          keepDraft();
          offerSignIn();
          throw new Error('Your session has ended: sign in again, your comment stays here.');
        }
        return N.problemText(response, 'Your comment could not be posted (' + response.status + ').')
          .then(function (detail) { throw new Error(detail); });
      }).then(function (comment) {
        if (comment.author && comment.author.id) { session.authorId = comment.author.id; }
        var list = $('comment-list');
        list.insertBefore(commentItem(comment), list.firstChild);
        state.count += 1;
        $('comment-count').textContent = String(state.count);
        text.value = '';
        update();
        try { sessionStorage.removeItem(draftKey()); } catch (e) { /* storage may be off */ }
        status.textContent = 'Your comment is posted.';
      }).catch(function (error) {
        status.textContent = error.message;
      }).then(function () {
        $('comment-submit').disabled = false;
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    N.wireSkipLink();
    N.wireSignOut();
    var page = document.body.getAttribute('data-page');
    if (page === 'home') {
      N.loadSession();
      loadHome();
    } else if (page === 'article') {
      state.id = articleIdFromPath();
      wireShareEvents();
      wireCommentBox();
      N.loadSession().then(loadAuthorId).then(function () {
        showRemoveButtons();
        if (!session.signedIn && $('comment-text').value) { offerSignIn(); }
      });
      loadArticle();
    }
  });
})();
