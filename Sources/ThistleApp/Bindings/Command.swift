/// Everything a key can ask for. Screens and the app interpret commands;
/// keys only select them, through the binding tables.
public enum Command: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    case expand, collapse, nextTab, previousTab
    case open, back
    case filter, clearFilter
    case help, palette, quit
    case goHome, goDirectory, goTriage, goMyCases, goReferralsIn, goSync, resolve, showAudit
    case accept, decline, complete
    case refer, closeNeed, closeCase
    case addNeed, recordConsent, withdraw, addNote, changeLead, chase, answerOnBehalf
    case logCase, newResident, toggle, cycleUrgency, confirmNew
    case openBoard, rate, allocate, addPriority, addAction, setStatus
    case openEditor, describe
}
