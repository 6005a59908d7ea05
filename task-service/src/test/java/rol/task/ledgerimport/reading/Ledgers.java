package rol.task.ledgerimport.reading;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Three 台账 shaped like the ones district offices keep (modelled on public 重点任务台账 / 整改台账 layouts: a title
 * row, a header not on row 1, theme lines merged across, departments merged down, mixed date styles and aliases),
 * and the bad files an import must refuse. Written with POI here; no real ledger is stored in the repository.
 */
public final class Ledgers {

    private Ledgers() {
    }

    /**
     * 1. The office's own ledger, one sheet: title and "填报单位" rows above the header, theme lines 一、二、 merged
     * across, dates as an Excel date cell, 2025年6月底, 6月30日前, 年底前 and 长期坚持; 区司法局 / 司法局 /
     * 区委依法治区办; lead department merged down two rows. 6 tasks.
     */
    public static byte[] officeLedger() {
        return officeLedger("");
    }

    /** The office ledger with its sheet named 重点任务 + suffix (tests sharing a database keep their tasks apart). */
    public static byte[] officeLedger(String suffix) {
        return workbook(wb -> {
            Sheet s = wb.createSheet("重点任务" + suffix);
            row(s, 0, "2025年度法治政府建设重点任务台账");
            merge(s, 0, 0, 0, 7);
            row(s, 1, "填报单位：区委依法治区办", null, null, null, null, null, "更新时间：2025年4月");
            row(s, 2, "序号", "工作任务", "牵头单位", "配合单位", "完成时限", "进展情况", "完成情况", "备注");
            row(s, 3, "一、深入推进依法行政");
            merge(s, 3, 3, 0, 7);
            row(s, 4, "1", "修订区政府重大行政决策程序规定", "区司法局", "区政府办", null, "已形成初稿", "推进中", null);
            date(wb, s, 4, 4, LocalDate.of(2025, 9, 30));
            row(s, 5, "2", "开展行政规范性文件清理", "司法局", "区发改局、区财政局", "2025年6月底", "已清理 40 件", "已完成", "2025年5月20日完成");
            row(s, 6, "3", "推行行政执法“三项制度”", "区市场监管局", null, "6月30日前", null, null, null);
            merge(s, 6, 7, 2, 2);
            row(s, 7, "4", "规范涉企行政检查", null, "区司法局", "年底前", "已检查 12 家", "推进中", null);
            row(s, 8, "二、加强法治宣传");
            merge(s, 8, 8, 0, 7);
            row(s, 9, "5", "落实“谁执法谁普法”责任制", "区委依法治区办", "各街道", "长期坚持", null, "推进中", null);
            row(s, 10, "6", "建设开元街道法治文化公园", "开元街道", null, "2025-11-30", "完成选址", "未启动", null);
            row(s, 12, "填表人：张某某", null, null, null, null, null, null, null);
        });
    }

    /**
     * 2. One sheet per issuer, header on row 2 under a title, a 类别 column merged down its tasks, 责任单位 as
     * the co column, 状态 with 已签收 / 办理中 / 申请办结. 3 + 2 tasks.
     */
    public static byte[] issuerLedger() {
        return issuerLedger("", false);
    }

    /** The newer version: 区城管局's task reported 已完成, the 区政府 list's second deadline moved to 8月31日. */
    public static byte[] issuerLedger(String suffix, boolean newer) {
        return workbook(wb -> {
            Sheet a = wb.createSheet("区委交办" + suffix);
            row(a, 0, "区委交办事项督办台账");
            merge(a, 0, 0, 0, 6);
            row(a, 1, "类别", "序号", "任务", "牵头单位", "责任单位", "完成时限", "状态");
            row(a, 2, "法治政府", "1", "完善行政复议案件审理机制", "区司法局", "区法院", "2025年12月底", "已签收");
            row(a, 3, null, "2", "推进综合行政执法改革", "区城管局", "区司法局", "2025年10月31日", newer ? "已完成" : "办理中");
            merge(a, 2, 3, 0, 0);
            row(a, 4, "法治社会", "3", "开展民主法治示范社区创建", "区民政局", "开元街道、鲤中街道", "年底前", "申请办结");
            Sheet b = wb.createSheet("区政府交办" + suffix);
            row(b, 0, "区政府交办事项督办台账");
            merge(b, 0, 0, 0, 6);
            row(b, 1, "类别", "序号", "工作事项", "牵头单位", "责任单位", "完成时限", "状态");
            row(b, 2, "营商环境", "1", "优化涉企执法检查备案", "市监局", null, "2025年9月", "办理中");
            row(b, 3, "营商环境", "2", "公布行政执法事项清单", "鲤城区司法局", "区市监局", newer ? "8月31日前" : "2025年8月15日前", "已交办");
        });
    }

    /**
     * 3. A 整改台账: ISO dates as text and as date cells, 进度 as percentages (a number cell formatted 0%), two
     * closed rows, one with its 办结日期, one without; a department written loosely (区公安局) and one unknown.
     */
    public static byte[] rectificationLedger() {
        return rectificationLedger("");
    }

    public static byte[] rectificationLedger(String suffix) {
        return workbook(wb -> {
            Sheet s = wb.createSheet("整改台账" + suffix);
            row(s, 0, "法治督察反馈问题整改台账");
            merge(s, 0, 0, 0, 8);
            row(s, 1, "");
            row(s, 2, "序号", "整改任务", "牵头单位", "责任单位", "完成时间", "进度", "状态", "办结日期", "备注");
            row(s, 3, "1", "行政复议纠错率偏低问题整改", "区司法局", null, "2025-06-30", null, "已销号", null, null);
            date(wb, s, 3, 7, LocalDate.of(2025, 6, 18));
            row(s, 4, "2", "执法案卷评查问题整改", "区公安局", null, null, null, "办理中", null, null);
            date(wb, s, 4, 4, LocalDate.of(2025, 12, 31));
            percent(wb, s, 4, 5, 0.6);
            row(s, 5, "3", "基层法律顾问覆盖不足整改", "区法制办", null, "2025年第三季度", "30%", "推进中", null, null);
            row(s, 6, "4", "政务公开栏目更新不及时", "区政府办", null, "2025/5/31", null, "完成", null, null);
        });
    }

    /** A ledger of {@code rows} tasks over a few sheets, for size limits and the benchmark. */
    public static byte[] large(int rows) {
        return workbook(wb -> {
            String[] leads = {"区司法局", "司法局", "区市场监管局", "区委依法治区办", "开元街道"};
            String[] dates = {"2025年6月底", "年底前", "6月30日前", "长期坚持", "2025-10-31"};
            Sheet s = null;
            int r = 0;
            for (int i = 0; i < rows; i++) {
                if (i % 1000 == 0) {
                    s = wb.createSheet("第" + (i / 1000 + 1) + "批");
                    row(s, 0, "重点任务台账");
                    row(s, 1, "序号", "工作任务", "牵头单位", "配合单位", "完成时限", "状态");
                    r = 2;
                }
                row(s, r++, String.valueOf(i + 1), "第 " + (i + 1) + " 项重点工作任务", leads[i % 5],
                        leads[(i + 1) % 5], dates[i % 5], i % 3 == 0 ? "推进中" : "未启动");
            }
        });
    }

    /** A workbook with an #DIV/0! formula in the deadline column. */
    public static byte[] formulaErrors() {
        return workbook(wb -> {
            Sheet s = wb.createSheet("台账");
            row(s, 0, "序号", "任务", "牵头单位", "完成时限");
            row(s, 1, "1", "修订规定", "区司法局", null);
            s.getRow(1).getCell(3).setCellFormula("1/0");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
    }

    /** The office ledger, encrypted with a password as Excel does it. */
    public static byte[] encrypted() {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(officeLedger());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The office ledger with one more entry that inflates a thousandfold: what POI's ZipSecureFile refuses. */
    public static byte[] zipBomb() {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(officeLedger()));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("xl/media/padding.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                out.write(zeros);
            }
            out.closeEntry();
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Content {
        void write(Workbook wb) throws IOException;
    }

    static byte[] workbook(Content content) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.write(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void row(Sheet s, int r, String... cells) {
        Row row = s.createRow(r);
        for (int c = 0; c < cells.length; c++) {
            Cell cell = row.createCell(c);
            if (cells[c] != null) {
                cell.setCellValue(cells[c]);
            }
        }
    }

    static void merge(Sheet s, int firstRow, int lastRow, int firstCol, int lastCol) {
        s.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
    }

    static void date(Workbook wb, Sheet s, int r, int c, LocalDate d) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
        Cell cell = s.getRow(r).createCell(c);
        cell.setCellValue(d);
        cell.setCellStyle(style);
    }

    static void percent(Workbook wb, Sheet s, int r, int c, double value) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0%"));
        Cell cell = s.getRow(r).createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
