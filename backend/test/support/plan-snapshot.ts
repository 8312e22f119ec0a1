import { DataSource } from 'typeorm';

/**
 * A plan and work cells as users see them, without ids or times: what two databases must agree on when one got its
 * plan from the demo data and the other from an import of the same documents: what the import produces, the plan's
 * structure. The plan writer numbers a row's instruments and indicators `action position × 100 + rank`; what the demo
 * adds of its own (the Welcome Day's questionnaire instrument at + 50, its indicators from 9001) is numbered outside that
 * range and left out. Indicators are compared by name, position and instruments, not kind or status: the demo then
 * gives most of them a kind, targets and data (demo/parc-ex-indicators.ts), which an import leaves to the evaluator.
 */
export async function planSnapshot(db: DataSource, title: string): Promise<unknown> {
  const [row] = await db.query<{ plan: unknown }[]>(
    `
    SELECT json_build_object(
      'title', p.title, 'description', p.description, 'owner', o.name, 'startDate', p.start_date::text, 'endDate', p.end_date::text, 'midtermDate', p.midterm_date::text,
      'orientations', (SELECT json_agg(json_build_object('number', ori.number, 'title', ori.title, 'position', ori.position,
        'objectives', (SELECT json_agg(json_build_object('code', ob.code, 'title', ob.title, 'position', ob.position,
          'actions', (SELECT json_agg(json_build_object('description', a.description, 'resources', a.resources, 'position', a.position,
              'schedule', json_build_object('kind', a.schedule_kind, 'date', a.schedule_date::text, 'recurrence', a.schedule_recurrence, 'text', a.schedule_text),
              'expectedResults', (SELECT json_agg(er.text ORDER BY er.position) FROM expected_results er WHERE er.action_id = a.id),
              'instruments', (SELECT json_agg(json_build_object('name', i.name, 'kind', i.kind, 'position', i.position) ORDER BY i.position) FROM instruments i
                WHERE i.action_id = a.id AND i.position BETWEEN a.position * 100 AND a.position * 100 + 49),
              'indicators', (SELECT json_agg(json_build_object('name', ind.name, 'position', ind.position,
                  'instruments', (SELECT json_agg(i.name ORDER BY i.position) FROM indicator_instruments ii JOIN instruments i ON i.id = ii.instrument_id
                    WHERE ii.indicator_id = ind.id AND i.position BETWEEN a.position * 100 AND a.position * 100 + 49))
                ORDER BY ind.position) FROM indicators ind WHERE ind.action_id = a.id AND ind.position BETWEEN a.position * 100 AND a.position * 100 + 49))
            ORDER BY a.position) FROM actions a WHERE a.objective_id = ob.id))
          ORDER BY ob.position) FROM objectives ob WHERE ob.orientation_id = ori.id))
        ORDER BY ori.position) FROM orientations ori WHERE ori.plan_id = p.id)
    ) AS plan
    FROM plans p LEFT JOIN organizations o ON o.id = p.owner_organization_id WHERE p.title = $1`,
    [title],
  );
  return row?.plan ?? null;
}

export async function workCellSnapshot(db: DataSource, name: string): Promise<unknown> {
  const [row] = await db.query<{ cell: unknown }[]>(
    `
    SELECT json_build_object(
      'name', c.name, 'objective', ob.code, 'objectivePlan', p.title, 'objectiveText', c.objective_text, 'startDate', c.start_date::text,
      'startDateText', c.start_date_text, 'mandate', c.mandate, 'contact', c.contact, 'partnersNote', c.partners_note,
      'steps', (SELECT json_agg(json_build_object('position', s.position, 'text', s.text, 'done', s.done, 'phase', s.phase, 'date', s.date::text) ORDER BY s.position)
        FROM work_steps s WHERE s.work_cell_id = c.id),
      'partners', (SELECT json_agg(json_build_object('position', pa.position, 'organization', org.name, 'acronym', org.acronym, 'organizationNetwork', org.network,
          'organizationSector', org.sector, 'network', pa.network, 'sector', pa.sector) ORDER BY pa.position)
        FROM partnerships pa JOIN organizations org ON org.id = pa.organization_id WHERE pa.work_cell_id = c.id)
    ) AS cell
    FROM work_cells c LEFT JOIN objectives ob ON ob.id = c.objective_id LEFT JOIN plans p ON p.id = ob.plan_id WHERE c.name = $1`,
    [name],
  );
  return row?.cell ?? null;
}
