import { useCallback, type FocusEvent } from 'react';
import {
  ariaDescribedByIds,
  buttonId,
  canExpand,
  descriptionId,
  enumOptionsIsSelected,
  getTemplate,
  getUiOptions,
  optionId,
  titleId,
  type FieldTemplateProps,
  type ObjectFieldTemplateProps,
  type RJSFSchema,
  type TitleFieldProps,
  type WidgetProps,
} from '@rjsf/utils';
import type { FormContext } from './ErrorList.tsx';
import { sectionKind } from './schema.ts';

/**
 * RJSF's object template with the workbench's hooks: task groups and tasks are fieldsets that carry
 * `data-task-group` / `data-task-id` (for "scroll to task"), are described by their description, and
 * have a legend that can take focus when a task has no focusable field.
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps<unknown, RJSFSchema>) {
  const { className, description, disabled, formData, fieldPathId, onAddProperty, optionalDataControl, properties, readonly, registry, required, schema, title, uiSchema } = props;
  const options = getUiOptions(uiSchema);
  const TitleFieldTemplate = getTemplate('TitleFieldTemplate', registry, options);
  const DescriptionFieldTemplate = getTemplate('DescriptionFieldTemplate', registry, options);
  if ((schema.oneOf || schema.anyOf) && !schema.properties && properties.length === 0) return null;
  const context = registry.formContext as Partial<FormContext> | undefined;
  // A section form's root: the form around the sections draws the root fieldset once.
  if (context?.bareRoot && fieldPathId.path.length === 0) return <>{properties.map((p) => p.content)}</>;
  const section = sectionKind(registry.rootSchema, fieldPathId.path);
  const realKey = context?.realKey ?? ((k: string) => k);
  const showControlInTitle = !readonly && !disabled;
  const { AddButton } = registry.templates.ButtonTemplates;
  const classes = [className, section ? `form-${section.kind === 'group' ? 'task-group' : 'task'}` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className={classes || undefined}
      id={fieldPathId.$id}
      aria-describedby={description ? descriptionId(fieldPathId) : undefined}
      data-task-group={section?.kind === 'group' ? realKey(section.group) : undefined}
      data-task-id={section?.kind === 'task' ? section.id : undefined}
    >
      {title && (
        <TitleFieldTemplate
          id={titleId(fieldPathId)}
          title={title}
          required={required}
          schema={schema}
          uiSchema={uiSchema}
          registry={registry}
          optionalDataControl={showControlInTitle ? optionalDataControl : undefined}
        />
      )}
      {description && <DescriptionFieldTemplate id={descriptionId(fieldPathId)} description={description} schema={schema} uiSchema={uiSchema} registry={registry} />}
      {!showControlInTitle ? optionalDataControl : undefined}
      {properties.map((p) => p.content)}
      {canExpand(schema, uiSchema, formData) && (
        <AddButton id={buttonId(fieldPathId, 'add')} className="rjsf-object-property-expand" onClick={onAddProperty} disabled={disabled || readonly} uiSchema={uiSchema} registry={registry} />
      )}
    </fieldset>
  );
}

/**
 * Legends as focus targets: `tabIndex=-1` lets "scroll to task" focus a section without adding a tab stop.
 */
export function TitleFieldTemplate({ id, title, required, optionalDataControl }: TitleFieldProps<unknown, RJSFSchema>) {
  return (
    <legend id={id} tabIndex={-1}>
      {title}
      {required && (
        <span className="required" aria-hidden="true">
          *
        </span>
      )}
      {optionalDataControl && <span className="pull-right">{optionalDataControl}</span>}
    </legend>
  );
}

/**
 * RJSF's radio widget, but the radio group is named by the field's label (the stock one points a
 * `<label for>` at a `<div>`, which names nothing).
 */
export function RadioWidget({ options, value, required, disabled, readonly, autofocus = false, onBlur, onFocus, onChange, id, htmlName, label, hideLabel }: WidgetProps<unknown, RJSFSchema>) {
  const { enumOptions, enumDisabled, inline } = options;
  const handleBlur = useCallback((e: FocusEvent<HTMLInputElement>) => onBlur(id, optionValue(e.target.value)), [onBlur, id]);
  const handleFocus = useCallback((e: FocusEvent<HTMLInputElement>) => onFocus(id, optionValue(e.target.value)), [onFocus, id]);
  function optionValue(index: string): unknown {
    return enumOptions?.[Number(index)]?.value;
  }
  return (
    <div className="field-radio-group" id={id} role="radiogroup" aria-label={hideLabel ? undefined : label} aria-describedby={ariaDescribedByIds(id)}>
      {(enumOptions ?? []).map((option, i) => {
        const checked = enumOptionsIsSelected(option.value, value);
        const itemDisabled = Array.isArray(enumDisabled) && enumDisabled.includes(option.value);
        const radio = (
          <span>
            <input
              type="radio"
              id={optionId(id, i)}
              checked={checked}
              name={htmlName || id}
              required={required}
              value={String(i)}
              disabled={disabled || itemDisabled || readonly}
              autoFocus={autofocus && i === 0}
              onChange={() => onChange(option.value)}
              onBlur={handleBlur}
              onFocus={handleFocus}
            />
            <span>{option.label}</span>
          </span>
        );
        return inline ? (
          <label key={String(option.value)} className="radio-inline">
            {radio}
          </label>
        ) : (
          <div key={String(option.value)} className="radio">
            <label>{radio}</label>
          </div>
        );
      })}
    </div>
  );
}

/**
 * RJSF's field template, with the required marker hidden from assistive technology (the input's
 * `required` state already says it), so a field's accessible name is just its label ("Since", not "Since*").
 */
export function FieldTemplate(props: FieldTemplateProps<unknown, RJSFSchema>) {
  const { id, label, children, errors, help, description, hidden, required, displayLabel, registry, uiSchema, fieldPathId } = props;
  const uiOptions = getUiOptions(uiSchema);
  const WrapIfAdditionalTemplate = getTemplate('WrapIfAdditionalTemplate', registry, uiOptions);
  if (hidden) return <div className="hidden">{children}</div>;
  if ((registry.formContext as Partial<FormContext> | undefined)?.bareRoot && fieldPathId.path.length === 0) {
    // A section form's root: no wrapper of its own (see ObjectFieldTemplate).
    return (
      <>
        {children}
        {errors}
      </>
    );
  }
  const isCheckbox = uiOptions.widget === 'checkbox';
  return (
    <WrapIfAdditionalTemplate {...props}>
      {displayLabel && !isCheckbox && label && (
        <label className="control-label" htmlFor={id}>
          {label}
          {required && (
            <span className="required" aria-hidden="true">
              *
            </span>
          )}
        </label>
      )}
      {displayLabel && description ? description : null}
      {children}
      {errors}
      {help}
    </WrapIfAdditionalTemplate>
  );
}
