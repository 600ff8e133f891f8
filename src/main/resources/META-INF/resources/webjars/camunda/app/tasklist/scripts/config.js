/*
 * Tasklist configuration of Aftersales: Camunda's defaults (keyboard shortcuts) plus the "Case" tab, which shows
 * the case of the selected task at a glance (thread, customer, order, diagram, outside requests, SOP).
 */
export default {
  customScripts: ['scripts/aftersales-case-tab.js'],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }
  }
};
