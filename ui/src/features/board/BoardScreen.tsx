// A board: the Unsorted tray beside the PICK chart, drag and drop between them, and the details of the selected idea.
import { DndContext, DragOverlay } from "@dnd-kit/core";
import { useCallback, useState } from "react";

import { ConfirmDialog } from "../../components/Modal";
import { useToast } from "../../components/Toasts";
import { AppError, backend } from "../../lib/backend";
import type { BoardSummary, Quadrant, Zone } from "../../lib/bindings";
import { QUADRANTS, ZONE_INFO } from "../../lib/zones";
import { AddIdeaField } from "./AddIdeaField";
import { BoardToolbar } from "./BoardToolbar";
import { findIdea } from "./columns";
import { DetailsPanel } from "./DetailsPanel";
import { useBoardDnd } from "./dnd";
import { DraggedCard } from "./IdeaCard";
import { useBoard } from "./useBoard";
import { ZoneList } from "./ZoneList";

interface BoardScreenProps {
  boardId: number;
  focusName: boolean;
  onBoardsChanged: () => void;
  onDuplicated: (board: BoardSummary) => void;
  onDeleted: () => void;
}

export function BoardScreen({
  boardId,
  focusName,
  onBoardsChanged,
  onDuplicated,
  onDeleted,
}: BoardScreenProps) {
  const model = useBoard(boardId, onBoardsChanged);
  const { board, columns, moveIdea, deleteIdea } = model;
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [addingTo, setAddingTo] = useState<Quadrant | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const toast = useToast();

  const dnd = useBoardDnd(columns, (id, zone, index) => void moveIdea(id, zone, index));
  const view = dnd.view;

  const onDelete = useCallback(
    (id: number) => {
      if (selectedId === id) setSelectedId(null);
      void deleteIdea(id);
    },
    [deleteIdea, selectedId],
  );

  const moveToZone = useCallback(
    (id: number, zone: Zone) => {
      void moveIdea(id, zone, columns[zone].filter((i) => i.id !== id).length);
    },
    [moveIdea, columns],
  );

  async function guard<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (raw) {
      toast({ tone: "error", message: AppError.from(raw).message });
      return undefined;
    }
  }

  if (model.loadError) {
    return (
      <div className="board-message" role="alert">
        <p>This board could not be opened. {model.loadError.message}</p>
        <button type="button" className="button" onClick={() => void model.reload()}>
          Try again
        </button>
      </div>
    );
  }
  if (!board) return <div className="board-message">Opening the board…</div>;

  const selected = selectedId === null ? null : (findIdea(columns, selectedId)?.idea ?? null);

  return (
    <div className="board-screen">
      <BoardToolbar
        key={`${board.id}:${board.name}`}
        board={board}
        saveState={model.saveState}
        focusName={focusName}
        onRename={async (name) => {
          const renamed = await guard(() => backend.renameBoard(board.id, name));
          if (renamed) {
            onBoardsChanged();
            await model.reload();
          }
          return renamed !== undefined;
        }}
        onDuplicate={async () => {
          const copy = await guard(() => backend.duplicateBoard(board.id));
          if (copy) onDuplicated(copy);
        }}
        onDelete={() => {
          setConfirmDelete(true);
        }}
      />

      <DndContext {...dnd.dndContextProps}>
        <div className="board-body">
          <section className="tray zone zone-unsorted" aria-label={ZONE_INFO.unsorted.name}>
            <header className="zone-header">
              <h2 className="zone-name">{ZONE_INFO.unsorted.name}</h2>
              <span className="zone-count" aria-label={`${view.unsorted.length} ideas`}>
                {view.unsorted.length}
              </span>
            </header>
            <AddIdeaField
              label="New idea"
              placeholder="Type an idea, press Enter"
              showLabel
              onAdd={(title) => model.addIdea(title, "unsorted")}
            />
            <ZoneList
              zone="unsorted"
              ideas={view.unsorted}
              selectedId={selectedId}
              isTarget={dnd.overZone === "unsorted"}
              onOpen={setSelectedId}
              onDelete={onDelete}
            />
          </section>

          <div className="chart">
            <div className="axis axis-payoff" aria-hidden="true">
              <span>Payoff ↑</span>
            </div>
            <div className="quadrants">
              {QUADRANTS.map((q) => (
                <section key={q} className={`zone quadrant zone-${q}`} aria-label={ZONE_INFO[q].name}>
                  <header className="zone-header">
                    <div>
                      <h2 className="zone-name">{ZONE_INFO[q].name}</h2>
                      <p className="zone-meaning">{ZONE_INFO[q].meaning}</p>
                    </div>
                    <span className="zone-count" aria-label={`${view[q].length} ideas`}>
                      {view[q].length}
                    </span>
                    <button
                      type="button"
                      className="icon-button zone-add"
                      aria-label={`Add an idea to ${ZONE_INFO[q].name}`}
                      title={`Add an idea to ${ZONE_INFO[q].name}`}
                      onClick={() => {
                        setAddingTo(q);
                      }}
                    >
                      +
                    </button>
                  </header>
                  {addingTo === q && (
                    <AddIdeaField
                      label={`New idea in ${ZONE_INFO[q].name}`}
                      placeholder={`New idea in ${ZONE_INFO[q].name}`}
                      autoFocus
                      onAdd={(title) => model.addIdea(title, q)}
                      onClose={() => {
                        setAddingTo(null);
                      }}
                    />
                  )}
                  <ZoneList
                    zone={q}
                    ideas={view[q]}
                    selectedId={selectedId}
                    isTarget={dnd.overZone === q}
                    onOpen={setSelectedId}
                    onDelete={onDelete}
                  />
                </section>
              ))}
            </div>
            <div className="axis axis-cost" aria-hidden="true">
              <span>Cost / risk →</span>
            </div>
          </div>
        </div>
        <DragOverlay dropAnimation={null}>
          {dnd.activeIdea && <DraggedCard idea={dnd.activeIdea} />}
        </DragOverlay>
      </DndContext>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {dnd.liveMessage}
      </div>

      {selected && (
        <DetailsPanel
          key={selected.id}
          idea={selected}
          onSave={(id, title, notes) => void model.updateIdea(id, title, notes)}
          onMove={moveToZone}
          onDelete={onDelete}
          onClose={() => {
            const id = selected.id;
            setSelectedId(null);
            document.querySelector<HTMLElement>(`[data-idea-id="${id}"]`)?.focus();
          }}
        />
      )}

      {confirmDelete && (
        <ConfirmDialog
          title={`Delete “${board.name}”?`}
          message={
            <p>
              {board.ideas.length === 0
                ? "The board is empty."
                : `It holds ${board.ideas.length} ${board.ideas.length === 1 ? "idea" : "ideas"}, which will be deleted with it.`}{" "}
              This cannot be undone.
            </p>
          }
          confirmLabel="Delete board"
          onCancel={() => {
            setConfirmDelete(false);
          }}
          onConfirm={async () => {
            setConfirmDelete(false);
            const done = await guard(() => backend.deleteBoard(board.id));
            if (done !== undefined) onDeleted();
          }}
        />
      )}
    </div>
  );
}
