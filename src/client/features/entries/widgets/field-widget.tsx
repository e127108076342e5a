// The widget for a field description: the one place that knows which component draws which widget.
import { AgencyField } from './agency-field.tsx';
import { DayWidget, SelectWidget, TextWidget, TimeWidget, YesNoWidget } from './basic-widgets.tsx';
import { ChecklistField } from './checklist-field.tsx';
import { HouseholdField } from './household-field.tsx';
import { MembersField } from './members-field.tsx';
import { UrgentField } from './urgent-field.tsx';
import type { WidgetProps } from './widget-props.ts';

export function FieldWidget(props: WidgetProps) {
  const { field } = props;
  switch (field.widget) {
    case 'text':
    case 'longText':
    case 'number': return <TextWidget {...props} field={field} />;
    case 'day': return <DayWidget {...props} field={field} />;
    case 'time': return <TimeWidget {...props} field={field} />;
    case 'select': return <SelectWidget {...props} field={field} />;
    case 'yesNo': return <YesNoWidget {...props} field={field} />;
    case 'households': return <HouseholdField {...props} field={field} />;
    case 'members': return <MembersField {...props} field={field} />;
    case 'agency': return <AgencyField {...props} field={field} />;
    case 'checklist': return <ChecklistField {...props} field={field} />;
    case 'urgent': return <UrgentField {...props} field={field} />;
  }
}
