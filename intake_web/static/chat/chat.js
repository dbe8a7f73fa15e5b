// The web chat, made live: messages go to POST /chat/messages as JSON and the
// assistant's replies are added to the conversation (an aria-live log), without
// reloading the page. Without this file the same page works as plain forms.

const TRY_AGAIN = 'Sorry, that did not send. Please try again.'
const SENDING = 'Sending...'

class Chat {
  constructor (root) {
    this.root = root
    this.sender = root.dataset.sender
    this.url = root.dataset.messagesUrl
    this.messages = root.querySelector('#chat-messages')
    this.log = root.querySelector('.app-chat__log')
    this.choices = root.querySelector('#chat-choices')
    this.choiceList = root.querySelector('.app-chat__choice-list')
    this.form = root.querySelector('#chat-form')
    this.input = root.querySelector('#chat-text')
    this.sendButton = root.querySelector('#chat-send')
    this.status = root.querySelector('#chat-status')
    this.error = root.querySelector('#chat-text-error')
    this.busy = false

    this.form.addEventListener('submit', (event) => {
      event.preventDefault()
      this.send(this.input.value)
    })
    this.choices.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-payload]')
      if (!button) return
      event.preventDefault()
      this.send(button.dataset.payload, button.textContent.trim())
    })
    this.scrollToEnd()
  }

  async send (text, shownAs) {
    text = text.trim()
    if (this.busy) return
    if (!text) {
      this.showProblem('Type a message first.')
      this.input.focus()
      return
    }
    this.hideProblem()
    this.busy = true
    this.sendButton.disabled = true
    this.status.textContent = SENDING
    const typed = shownAs ? '' : this.input.value
    this.input.value = ''
    this.addMessage(shownAs || text, 'you')
    this.showChoices([])
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ sender: this.sender, text })
      })
      const body = await response.json()
      if (!response.ok) {
        const message = (body.errors && body.errors[0] && body.errors[0].message) || TRY_AGAIN
        throw new Error(message)
      }
      this.sender = body.sender
      this.status.textContent = ''
      let buttons = []
      for (const message of body.messages) {
        if (message.text) this.addMessage(message.text, 'helper')
        if (message.buttons && message.buttons.length) buttons = message.buttons
      }
      this.showChoices(buttons)
    } catch (error) {
      this.status.textContent = ''
      this.showProblem(error.message && error.message !== 'Failed to fetch' ? error.message : TRY_AGAIN)
      if (typed) this.input.value = typed
    } finally {
      this.busy = false
      this.sendButton.disabled = false
      this.input.focus()
    }
  }

  addMessage (text, who) {
    const item = document.createElement('li')
    item.className = `app-chat__message app-chat__message--${who}`
    const label = document.createElement('span')
    label.className = 'app-chat__who'
    label.textContent = who === 'you' ? 'You' : 'Helper'
    const colon = document.createElement('span')
    colon.className = 'govuk-visually-hidden'
    colon.textContent = ':'
    label.appendChild(colon)
    const words = document.createElement('span')
    words.className = 'app-chat__text'
    words.textContent = text
    item.append(label, ' ', words)
    const previous = this.messages.querySelector('#latest')
    if (previous) {
      previous.removeAttribute('id')
      previous.removeAttribute('tabindex')
    }
    item.id = 'latest'
    this.messages.appendChild(item)
    this.scrollToEnd()
  }

  showChoices (buttons) {
    this.choiceList.replaceChildren(...buttons.map((button, index) => {
      const element = document.createElement('button')
      element.type = 'submit'
      element.name = 'choice'
      element.value = String(index)
      element.dataset.payload = button.payload
      element.className = 'govuk-button govuk-button--secondary app-chat__choice'
      element.textContent = button.title
      return element
    }))
    this.choices.hidden = buttons.length === 0
  }

  showProblem (message) {
    this.error.querySelector('.app-chat__problem').textContent = message
    this.error.hidden = false
    this.input.classList.add('govuk-input--error')
    this.input.setAttribute('aria-describedby', 'chat-text-error')
    this.form.querySelector('.govuk-form-group').classList.add('govuk-form-group--error')
  }

  hideProblem () {
    this.error.hidden = true
    this.input.classList.remove('govuk-input--error')
    this.input.removeAttribute('aria-describedby')
    this.form.querySelector('.govuk-form-group').classList.remove('govuk-form-group--error')
  }

  scrollToEnd () {
    this.log.scrollTop = this.log.scrollHeight
  }
}

const root = document.querySelector('[data-module="app-chat"]')
if (root) {
  // eslint-disable-next-line no-new
  new Chat(root)
}
