/** The panels beside the canvas: the inspector, the dialogs and the error boundaries. */
export { ExportDesignContext, PanelBoundary, PanelFailure } from './PanelBoundary';
export { Inspector } from './inspector/Inspector';
export { CommitField } from './inspector/CommitField';
export { Modal } from './dialogs/Modal';
export { ConfirmDeleteDialog } from './dialogs/ConfirmDeleteDialog';
export { SearchHost } from './dialogs/SearchHost';
export { Toasts } from './dialogs/Toasts';
export { Combobox, type ComboboxOption } from './ui/Combobox';
export { Splitter } from './ui/Splitter';
