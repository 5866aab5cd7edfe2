'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Bold, Italic, Link2, List, ListOrdered, Unlink } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { cn } from './cn';

/**
 * What a code picker needs from the editor: put `#{code}` where the cursor is; for `/code`
 * suggestions, the text of the current line before the cursor and replacing its last characters.
 */
export type BodyEditorHandle = {
  insert: (text: string) => void;
  beforeCursor?: () => string;
  replaceBefore?: (count: number, content: string) => void;
};

type Props = {
  /** The service's editor type: HTML gets the rich-text editor, TEXT a textarea. */
  html: boolean;
  id?: string;
  /** Submitted with the form under this name (a hidden input in HTML mode). */
  name?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  onFocus?: () => void;
  rows?: number;
  invalid?: boolean;
  labelledBy?: string;
  ref?: Ref<BodyEditorHandle>;
};

/**
 * The body editor of mails, templates and layouts (SPEC §6–§10: "the editor follows the service's
 * editor type"): Tiptap with bold, italic, lists and links in HTML mode, a textarea in TEXT mode.
 * Whatever it produces is sanitized again on the server when saved and when rendered.
 */
export function BodyEditor(p: Props) {
  return p.html ? <RichEditor {...p} /> : <PlainEditor {...p} />;
}

function PlainEditor({ id, name, defaultValue, onChange, onFocus, rows = 10, invalid, ref }: Props) {
  const el = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => ({
    insert(text) {
      const t = el.current;
      if (!t) return;
      const start = t.selectionStart ?? t.value.length;
      const end = t.selectionEnd ?? start;
      t.value = t.value.slice(0, start) + text + t.value.slice(end);
      t.focus();
      t.setSelectionRange(start + text.length, start + text.length);
      onChange?.(t.value);
    },
  }));
  return (
    <textarea
      id={id}
      ref={el}
      name={name}
      rows={rows}
      defaultValue={defaultValue}
      onFocus={onFocus}
      onChange={(e) => onChange?.(e.target.value)}
      aria-invalid={invalid || undefined}
      className={cn(
        'block w-full rounded-md border px-3 py-2 text-sm',
        invalid ? 'border-red-500' : 'border-slate-300',
      )}
    />
  );
}

function RichEditor({ id, name, defaultValue, onChange, onFocus, rows = 10, invalid, labelledBy, ref }: Props) {
  const t = useTranslations('richText');
  const [value, setValue] = useState(defaultValue ?? '');
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        link: { openOnClick: false, autolink: false, protocols: ['http', 'https', 'mailto'] },
      }),
    ],
    content: defaultValue ?? '',
    immediatelyRender: false,
    editorProps: {
      attributes: {
        ...(id ? { id } : {}),
        ...(labelledBy ? { 'aria-labelledby': labelledBy } : {}),
        role: 'textbox',
        'aria-multiline': 'true',
        'data-testid': 'rich-text-body',
        class: 'rich-text min-w-0 px-3 py-2 text-sm focus:outline-none',
        style: `min-height:${rows * 1.5}rem`,
      },
    },
    onFocus: () => onFocus?.(),
    onUpdate: ({ editor: e }) => {
      const html = e.isEmpty ? '' : e.getHTML();
      setValue(html);
      onChange?.(html);
    },
  });
  useImperativeHandle(ref, () => {
    // Tiptap's focus() waits for the next frame: keys typed before it (right after a double-click on
    // a code) landed where the browser put the caret. The editor is focused at once instead, with
    // its own selection.
    const focusNow = () => {
      if (editor && !editor.isDestroyed && !editor.view.hasFocus()) editor.view.focus();
    };
    return {
      insert: (text) => {
        editor?.chain().insertContent(text).run();
        focusNow();
      },
      beforeCursor: () => {
        const $from = editor?.state.selection.$from;
        return $from ? $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc') : '';
      },
      replaceBefore: (count, content) => {
        if (!editor) return;
        const at = editor.state.selection.from;
        editor
          .chain()
          .deleteRange({ from: Math.max(0, at - count), to: at })
          .insertContent(content)
          .run();
        focusNow();
      },
    };
  }, [editor]);
  const link = () => {
    if (!editor) return;
    const current = editor.getAttributes('link').href as string | undefined;
    const url = window.prompt(t('linkPrompt'), current ?? 'https://');
    if (url === null) return;
    if (!url.trim()) editor.chain().focus().extendMarkRange('link').unsetLink().run();
    else if (/^(https?:|mailto:)/i.test(url.trim()))
      editor.chain().focus().extendMarkRange('link').setLink({ href: url.trim() }).run();
  };
  const tool = (label: string, active: boolean, run: () => void, Icon: typeof Bold) => (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={active}
      // A click keeps the caret (and the marks toggled for the next characters) in the editor.
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
      className={cn('rounded p-1.5 hover:bg-slate-100', active && 'bg-slate-200')}
    >
      <Icon className="size-4" aria-hidden />
    </button>
  );
  return (
    <div className={cn('rounded-md border bg-white', invalid ? 'border-red-500' : 'border-slate-300')}>
      <div role="toolbar" aria-label={t('toolbar')} className="flex gap-0.5 border-b border-slate-200 p-1">
        {tool(t('bold'), Boolean(editor?.isActive('bold')), () => editor?.chain().focus().toggleBold().run(), Bold)}
        {tool(
          t('italic'),
          Boolean(editor?.isActive('italic')),
          () => editor?.chain().focus().toggleItalic().run(),
          Italic,
        )}
        {tool(
          t('bulletList'),
          Boolean(editor?.isActive('bulletList')),
          () => editor?.chain().focus().toggleBulletList().run(),
          List,
        )}
        {tool(
          t('orderedList'),
          Boolean(editor?.isActive('orderedList')),
          () => editor?.chain().focus().toggleOrderedList().run(),
          ListOrdered,
        )}
        {tool(t('link'), Boolean(editor?.isActive('link')), link, Link2)}
        {tool(t('unlink'), false, () => editor?.chain().focus().unsetLink().run(), Unlink)}
      </div>
      <EditorContent editor={editor} />
      {name && <input type="hidden" name={name} value={value} />}
    </div>
  );
}
