package io.aftersales.cases;

/** Where a contact came from. Social-media cases are opened by an agent on the customer's behalf. */
public enum SourceChannel {
  EMAIL, WEB_FORM, CHAT, CHATBOT, WHATSAPP, SOCIAL_MEDIA
}
