/**
 * The first screens as plain HTML, written into index.html by the build
 * (scripts/first-screen-plugin.ts) and shown by first-screen.ts before the app has loaded: the
 * PIN screen in each language and a new visitor's login, in Vietnamese. Each is the markup the
 * app's own screen renders (pin-entry-screen.tsx, login-screen.tsx, inside app-shell.tsx without
 * a session), so that nothing moves when the app takes over; the browser test
 * `first-screen.spec.ts` compares the two box by box. Its words come from the messages.
 */
import type { Messages } from '#src/client/i18n/vi.ts';
import { templateId } from './first-screen.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `{name}` of a message as an element the script fills with the account's name. */
const withName = (text: string) => escape(text).replace('{name}', '<span data-name></span>');

function page(messages: Messages, section: string): string {
  return `<div class="shell"><header class="topbar"><span class="topbar__title">${escape(messages['app.name'])}</span></header>`
    + `<main class="main" tabindex="-1">${section}</main></div>`;
}

function field(id: string, label: string, input: string): string {
  return `<div class="field"><label for="${id}" class="field__label">${escape(label)}</label>${input}</div>`;
}

export function pinScreenMarkup(messages: Messages): string {
  const id = `${templateId('pin')}-field`;
  return page(messages, `<section class="stack login" aria-labelledby="${id}-title">`
    + `<h1 id="${id}-title" tabindex="-1">${escape(messages['lock.title'])}</h1><p>${withName(messages['lock.intro'])}</p>`
    + '<form class="stack" novalidate>'
    + field(id, messages['lock.pin'], `<input id="${id}" name="pin" type="password" inputmode="numeric" pattern="[0-9]*" maxlength="6" autocomplete="off" aria-invalid="false" class="pin-input" autofocus>`)
    + `<button type="submit" class="button button--primary button--block" data-busy="${escape(messages['lock.unlocking'])}">${escape(messages['lock.submit'])}</button></form>`
    + `<button type="button" class="button button--block" data-action="other-account">${escape(messages['lock.otherAccount'])}</button></section>`);
}

export function loginScreenMarkup(messages: Messages): string {
  const id = `${templateId('login')}-field`;
  return page(messages, `<section class="stack login" aria-labelledby="${id}-title">`
    + `<h1 id="${id}-title" tabindex="-1">${escape(messages['auth.title'])}</h1><p>${escape(messages['auth.intro'])}</p>`
    + `<p class="alert alert--info" data-offline hidden>${escape(messages['auth.offline'])}</p>`
    + '<form class="stack" novalidate>'
    + field(`${id}-username`, messages['auth.username'], `<input id="${id}-username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" aria-invalid="false">`)
    + field(`${id}-password`, messages['auth.password'], `<input id="${id}-password" name="password" type="password" autocomplete="current-password" aria-invalid="false">`)
    + `<label class="checkbox"><input type="checkbox" name="show">${escape(messages['auth.showPassword'])}</label>`
    + '<div role="alert" class="visually-hidden"></div>'
    + `<button type="submit" class="button button--primary button--block" data-busy="${escape(messages['auth.submitting'])}">${escape(messages['auth.submit'])}</button></form></section>`);
}

/** The templates for index.html's head: the login (Vietnamese, a new visitor's language) and the PIN screen in each language. */
export function firstScreenTemplates(languages: Record<string, Messages>): string {
  const templates = [`<template id="${templateId('login')}" lang="vi">${loginScreenMarkup(languages.vi!)}</template>`];
  for (const [language, messages] of Object.entries(languages)) {
    templates.push(`<template id="${templateId('pin', language)}" lang="${language}">${pinScreenMarkup(messages)}</template>`);
  }
  return templates.join('\n    ');
}
