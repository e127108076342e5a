/**
 * The seed plans as templates: data, not code. Each JSON file beside this one is a plan's
 * content (campaign-plan.ts `campaignPlanContentSchema`) plus its `templateId`, with every
 * quantitative target traced to the paragraph it comes from (`source`: the paragraph's number
 * and its words, verbatim). A province admin starts a plan from one in the plan editor and
 * changes what differs; the JSON format is the editor's import and export format too.
 *
 * - 000: UBND tỉnh Bình Phước, 31/KH-UBND (2023), the yearly "Toàn dân bảo vệ ANTQ" campaign;
 * - 001: UBND tỉnh Đăk Nông, 591/KH-UBND (2024), the special campaign of the grassroots force;
 * - 002: UBND tỉnh Đồng Nai, 91/KH-UBND (2023), exemplary communes and agencies;
 * - 004: Sở GD&ĐT Bình Phước, /KH-SGDĐT (2022, unnumbered), an agency's own plan.
 */
import { campaignPlanContentSchema, type CampaignPlanContent } from '../domain/campaign-plan.ts';
import plan000 from './000-binh-phuoc-2023.json';
import plan001 from './001-dak-nong-2024.json';
import plan002 from './002-dong-nai-2023.json';
import plan004 from './004-so-gddt-binh-phuoc-2022.json';

export interface PlanTemplate {
  templateId: string;
  content: CampaignPlanContent;
}

/** The template files as stored, for checks that read them as written. */
export const planTemplateFiles: readonly { templateId: string }[] = [plan000, plan001, plan002, plan004];

let parsed: PlanTemplate[] | null = null;

/** Every template, validated by the plan schema (a broken file fails loudly, in tests first). */
export function planTemplates(): PlanTemplate[] {
  parsed ??= planTemplateFiles.map((file) => {
    const { templateId: _id, ...content } = campaignPlanContentSchema.parse(file);
    return { templateId: file.templateId, content: content as CampaignPlanContent };
  });
  return parsed;
}

/** The template with this id, or null. */
export function findPlanTemplate(templateId: string): PlanTemplate | null {
  return planTemplates().find((template) => template.templateId === templateId) ?? null;
}
