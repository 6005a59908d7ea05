package rol.report.intake;

import rol.testsupport.TestStack;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/** Synthetic reports (unique per call), the real fixtures' folder, and counting rows behind the API. */
final class Samples {

    private Samples() {
    }

    /** Three plan items, two problems, one achievement theme with two items, a contact person. */
    static String report() {
        return report("张三丰", "13812345678");
    }

    static String report(String contactName, String phone) {
        return """
                某某区司法局关于2024年度法治政府建设情况的报告
                区委、区政府：
                一、2024年度工作成效
                （一）强化统筹
                1.深入学习法治思想。开展专题学习 4 次，编为第%s期。
                2.完善制度建设。出台规范性文件 3 件。
                二、存在问题
                一是普法形式缺乏创新；二是信息化水平不够。
                三、2025年工作思路
                一是深化执法监督。二是建设复议系统。三是加强普法宣传。
                某某区司法局
                2025年2月17日
                （联系人：%s 联系电话：%s）
                """.formatted(nonce(), contactName, phone);
    }

    /** A number in Chinese numerals: makes a text unique without adding a figure the parser would read. */
    static String nonce() {
        String digits = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE));
        StringBuilder out = new StringBuilder();
        for (char d : digits.toCharArray()) {
            out.append("零一二三四五六七八九".charAt(d - '0'));
        }
        return out.toString();
    }

    static Path fixtures() {
        return TestStack.root().resolveSibling("shared").resolve("fixtures").resolve("reports");
    }

    static long count(DataSource dataSource, String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The payloads of the report's outbox events of one type, oldest first, as JSON text. */
    static java.util.List<String> events(DataSource dataSource, String reportId, String type) throws SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select payload from outbox_event where event_key = ? and event_type = ? order by position")) {
            q.setString(1, reportId);
            q.setString(2, type);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
