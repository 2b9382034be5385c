/**
 * The add-in's manifest, written for one server address: an Excel task pane (Workbook host,
 * ReadWriteDocument) opened by a button on the Home tab, with its pages and icons on that server.
 * The shipped manifest.xml is this for the development address; a bureau generates its own.
 */
import { trimChars } from '../../../shared/src/text';

export interface ManifestOptions {
  /** A GUID, kept stable for a bureau so Office treats new versions as the same add-in. */
  id: string;
  /** Where the server is, e.g. https://data.example.gov.cn (no trailing slash needed). */
  baseUrl: string;
  /** The add-in's name as clerks see it. */
  name: string;
  /** Four-part version, e.g. 1.0.0.0. */
  version: string;
  provider: string;
  /**
   * The ExcelApi set the add-in needs to appear at all. 1.1, so Office 2016 and 2019 (volume
   * licensed, kept for years) get it too; the pane checks the rest at run time and falls back
   * (addin/src/excel/capabilities.ts, whose BASE_SET this must equal).
   */
  excelApi: string;
}

export const DEFAULT_MANIFEST: ManifestOptions = {
  id: '4b2f6c0e-9d1a-4c37-8f0e-2a5d7b1c9e43',
  baseUrl: 'https://localhost:3000',
  name: '数据目录填报',
  version: '1.0.0.0',
  provider: '政务数据资源目录工具',
  excelApi: '1.1',
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

/** The sizes a ribbon group and button take, each naming the image resource of that size. */
const RIBBON_SIZES = [16, 32, 80] as const;

function ribbonIcons(indent: string): string {
  return ['<Icon>', ...RIBBON_SIZES.map((size) => `  <bt:Image size="${size}" resid="Icon.${size}x${size}"/>`), '</Icon>'].join(`\n${indent}`);
}

export function buildManifest(options: ManifestOptions): string {
  const base = trimChars(options.baseUrl, '/', 'end');
  const origin = new URL(base).origin;
  const icon = (size: number) => escape(`${base}/addin/assets/icon-${size}.png`);
  const pane = escape(`${base}/addin/taskpane.html`);
  const name = escape(options.name);
  return `<?xml version="1.0" encoding="UTF-8"?>
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="TaskPaneApp">
  <Id>${escape(options.id)}</Id>
  <Version>${escape(options.version)}</Version>
  <ProviderName>${escape(options.provider)}</ProviderName>
  <DefaultLocale>zh-CN</DefaultLocale>
  <DisplayName DefaultValue="${name}"/>
  <Description DefaultValue="在 Excel 中校验、标注并提交政务数据资源目录、清单和数据模板"/>
  <IconUrl DefaultValue="${icon(32)}"/>
  <HighResolutionIconUrl DefaultValue="${icon(64)}"/>
  <SupportUrl DefaultValue="${escape(`${base}/`)}"/>
  <AppDomains>
    <AppDomain>${escape(origin)}</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Workbook"/>
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1">
      <Set Name="ExcelApi" MinVersion="${escape(options.excelApi)}"/>
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${pane}"/>
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Workbook">
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="GetStarted.Title"/>
            <Description resid="GetStarted.Description"/>
            <LearnMoreUrl resid="Support.Url"/>
          </GetStarted>
          <FunctionFile resid="Taskpane.Url"/>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="TabHome">
              <Group id="GovCat.Group">
                <Label resid="Group.Label"/>
                ${ribbonIcons('                ')}
                <Control xsi:type="Button" id="GovCat.OpenPane">
                  <Label resid="Button.Label"/>
                  <Supertip>
                    <Title resid="Button.Label"/>
                    <Description resid="Button.Tooltip"/>
                  </Supertip>
                  ${ribbonIcons('                  ')}
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>GovCatPane</TaskpaneId>
                    <SourceLocation resid="Taskpane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
        ${RIBBON_SIZES.map((size) => `<bt:Image id="Icon.${size}x${size}" DefaultValue="${icon(size)}"/>`).join('\n        ')}
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Taskpane.Url" DefaultValue="${pane}"/>
        <bt:Url id="Support.Url" DefaultValue="${escape(`${base}/`)}"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="GetStarted.Title" DefaultValue="${name}已就绪"/>
        <bt:String id="Group.Label" DefaultValue="数据目录"/>
        <bt:String id="Button.Label" DefaultValue="目录填报"/>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="GetStarted.Description" DefaultValue="在“开始”选项卡点击“目录填报”，校验并提交数据资源目录。"/>
        <bt:String id="Button.Tooltip" DefaultValue="打开任务窗格：校验本工作簿，在单元格上标出问题，提交给审核人员。"/>
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}
