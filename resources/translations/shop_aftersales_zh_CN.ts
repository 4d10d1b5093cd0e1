<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Demo shop in a new temporary folder: {path}
It is not your shop&apos;s data folder: what you do in the demo stays there, and the system may delete the folder. Start without --demo to open your own shop.</source>
        <translation>演示店铺已建在新的临时文件夹：{path}
这不是您店铺的数据文件夹：在演示里做的操作只留在那里，系统也可能删除这个文件夹。要打开自己的店铺，请不加 --demo 启动。</translation>
    </message>
    <message>
        <source>Demo shop in {path}</source>
        <translation>演示店铺：{path}</translation>
    </message>
    <message>
        <source>Weekly integrity check: the database is sound.</source>
        <translation>每周完整性检查：数据库完好。</translation>
    </message>
    <message>
        <source>The weekly integrity check could not run ({reason}); it is tried again at the next start.</source>
        <translation>每周完整性检查未能运行（{reason}），下次启动时再试。</translation>
    </message>
    <message>
        <source>The weekly integrity check found damage in the database ({detail}). Restore the latest backup (File → Restore a backup…) before entering more.</source>
        <translation>每周完整性检查发现数据库已损坏（{detail}）。请先恢复最近的备份（文件 → 恢复备份…），再继续录入。</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Item code, serial or product</source>
        <translation>售后编号、序列号或商品</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>{count} events</source>
        <translation>{count} 条记录</translation>
    </message>
    <message>
        <source>audit log {date}.xlsx</source>
        <translation>操作日志-{date}.xlsx</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出操作日志</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Not planned ({count})</source>
        <translation>未排程（{count}）</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修技师</translation>
    </message>
    <message>
        <source>No technicians yet: add them with “Technicians…” above.</source>
        <translation>还没有维修技师：请点击上方“维修技师…”添加。</translation>
    </message>
    <message>
        <source>{hours} h a day</source>
        <translation>每天 {hours} 小时</translation>
    </message>
    <message>
        <source>{load} / {capacity} h</source>
        <translation>{load} / {capacity} 小时</translation>
    </message>
    <message>
        <source>over capacity</source>
        <translation>超出产能</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>休息</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>No shop in the database {database} on {server}.</source>
        <translation>服务器 {server} 上的数据库 {database} 里没有店铺数据。</translation>
    </message>
    <message>
        <source>No shop database in {folder}.</source>
        <translation>{folder} 中没有店铺数据库。</translation>
    </message>
    <message>
        <source>Owner&apos;s PIN: </source>
        <translation>店长 PIN 码：</translation>
    </message>
    <message>
        <source>No backups in {folder}.</source>
        <translation>{folder} 中没有备份。</translation>
    </message>
    <message>
        <source>Restored {file} into {folder} (it had no database before).</source>
        <translation>已将 {file} 恢复到 {folder}（此前没有数据库）。</translation>
    </message>
    <message>
        <source>Restored {file}; the database as it was is kept in {safety}.</source>
        <translation>已恢复 {file}；恢复前的数据库保存在 {safety}。</translation>
    </message>
    <message>
        <source>{count} problem(s) in {folder}:</source>
        <translation>{folder} 中有 {count} 个问题：</translation>
    </message>
    <message>
        <source>OK: {folder} is sound (integrity, foreign keys, stock ledger).</source>
        <translation>正常：{folder} 完好（完整性、外键、库存台账）。</translation>
    </message>
    <message>
        <source>Table / column</source>
        <translation>数据表 / 字段</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Copied {source} into {target}.</source>
        <translation>已将 {source} 复制到 {target}。</translation>
    </message>
    <message>
        <source>The copy differs from its source:</source>
        <translation>副本与来源不一致：</translation>
    </message>
    <message>
        <source>OK: every table, money sum and quantity agrees, and both shops are sound.</source>
        <translation>正常：每张数据表、金额合计和数量都一致，两边的数据均完好。</translation>
    </message>
    <message>
        <source>The database stayed locked by another program for too long ({reason}). Try again when it is closed.</source>
        <translation>数据库被其他程序锁定太久（{reason}）。请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>The command failed: {reason}</source>
        <translation>命令失败：{reason}</translation>
    </message>
</context>
<context>
    <name>CountHistoryPage</name>
    <message>
        <source>Each zone: how often it is counted, its last count and what that count found against the ledger</source>
        <translation>各库区：盘点周期、上次盘点及其与账面的差异</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>盘点计划…</translation>
    </message>
    <message>
        <source>How often each zone is counted</source>
        <translation>设置各库区多久盘点一次</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>库区</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>盘点周期</translation>
    </message>
    <message>
        <source>Last counted</source>
        <translation>上次盘点</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>盘点单</translation>
    </message>
    <message>
        <source>Found (+)</source>
        <translation>盘盈（+）</translation>
    </message>
    <message>
        <source>Missing (−)</source>
        <translation>盘亏（−）</translation>
    </message>
    <message>
        <source>Net at cost</source>
        <translation>净差额（按成本）</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
    <message>
        <source>Posted counts, newest first (units, and their value at cost)</source>
        <translation>已过账的盘点，最新的在前（件数及按成本计的金额）</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>过账时间</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>库区</translation>
    </message>
    <message>
        <source>Posted by</source>
        <translation>过账人</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>{date} (late)</source>
        <translation>{date}（逾期）</translation>
    </message>
    <message>
        <source>{date} (due)</source>
        <translation>{date}（今日到期）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未盘点</translation>
    </message>
</context>
<context>
    <name>CountScheduleDialog</name>
    <message>
        <source>Count schedule</source>
        <translation>盘点计划</translation>
    </message>
    <message>
        <source>How often each zone is counted. A zone is due once its last posted count is that many days old (a zone never counted: at once); it then waits in the owner&apos;s and the warehouse&apos;s Today queue, late in red after its due day.</source>
        <translation>各库区多久盘点一次。库区距上次过账的盘点满这么多天即到期（从未盘点过的库区立即到期），届时出现在店长和仓库的今日待办中，过了到期日标红为逾期。</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>库区</translation>
    </message>
    <message>
        <source>{zone}:</source>
        <translation>{zone}：</translation>
    </message>
    <message>
        <source>Every N days</source>
        <translation>每 N 天</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>last counted {date} ({number})</source>
        <translation>上次盘点 {date}（{number}）</translation>
    </message>
    <message>
        <source>never counted</source>
        <translation>从未盘点</translation>
    </message>
    <message>
        <source>late since {date}</source>
        <translation>自 {date} 起逾期</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>next due {date}</source>
        <translation>下次到期 {date}</translation>
    </message>
    <message>
        <source>{last} · {due}</source>
        <translation>{last} · {due}</translation>
    </message>
    <message>
        <source>Nothing has been changed.</source>
        <translation>尚未做任何修改。</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>This PC&apos;s shop is kept in:</source>
        <translation>本机的店铺数据保存在：</translation>
    </message>
    <message>
        <source>this computer&apos;s data folder (SQLite)</source>
        <translation>本机的数据文件夹（SQLite）</translation>
    </message>
    <message>
        <source>a shared PostgreSQL database (several PCs, one shop)</source>
        <translation>共享的 PostgreSQL 数据库（多台电脑共用一个店铺）</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10</source>
        <translation>例如 192.168.1.10</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Remember the password on this PC</source>
        <translation>在本机记住密码</translation>
    </message>
    <message>
        <source>Kept in this PC&apos;s credential store, never in the data folder.</source>
        <translation>保存在本机的系统凭据库中，绝不写入数据文件夹。</translation>
    </message>
    <message>
        <source>The password is kept in this PC&apos;s credential store, never in the data folder.</source>
        <translation>密码保存在本机的系统凭据库中，绝不写入数据文件夹。</translation>
    </message>
    <message>
        <source>This PC has no credential store, so the password cannot be remembered: it is asked at each start.</source>
        <translation>本机没有系统凭据库，无法记住密码：每次启动时都会询问。</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>The data folder stays this PC&apos;s own for logs, documents, photos and backups. A new choice takes effect when Shop Aftersales starts again.</source>
        <translation>数据文件夹仍是本机自己的，用于存放日志、单据、照片和备份。新的选择在售后管家下次启动时生效。</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>the user</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Fill in {what} first.</source>
        <translation>请先填写{what}。</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>正在连接 {server}…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved. From the next start of Shop Aftersales, this PC&apos;s shop is the SQLite file in its data folder.</source>
        <translation>已保存。售后管家下次启动起，本机的店铺数据为数据文件夹中的 SQLite 文件。</translation>
    </message>
    <message>
        <source>Saved. From the next start of Shop Aftersales, this PC opens the shop in {where}.</source>
        <translation>已保存。售后管家下次启动起，本机打开 {where} 中的店铺数据。</translation>
    </message>
    <message>
        <source>The password could not be kept in this PC&apos;s credential store: it is asked at each start.</source>
        <translation>密码无法保存到本机的系统凭据库：每次启动时都会询问。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Settings → Database…</source>
        <translation>设置 → 数据库…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>DeliveredDialog</name>
    <message>
        <source>Delivered: {code}</source>
        <translation>确认签收：{code}</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Parcel:</source>
        <translation>包裹：</translation>
    </message>
    <message>
        <source>{carrier}, tracking no. {tracking}</source>
        <translation>{carrier}，快递单号 {tracking}</translation>
    </message>
    <message>
        <source>Shipped on:</source>
        <translation>发货日期：</translation>
    </message>
    <message>
        <source>Shipping cost:</source>
        <translation>运费：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <source>Delivered on:</source>
        <translation>签收日期：</translation>
    </message>
    <message>
        <source>e.g. signed for by the customer</source>
        <translation>例如：顾客本人签收</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>The delivery date cannot be in the future.</source>
        <translation>签收日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The delivery date cannot be before the parcel was shipped.</source>
        <translation>签收日期不能早于发货日期。</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>The data folder {path} cannot be created ({reason}). Is the drive connected? Choose another folder with --data-dir.</source>
        <translation>无法创建数据文件夹 {path}（{reason}）。请检查该磁盘是否已连接，或用 --data-dir 选择其他文件夹。</translation>
    </message>
    <message>
        <source>The data folder {path} is on a network drive. The database must be on this computer&apos;s own disk, or it can be damaged.</source>
        <translation>数据文件夹 {path} 位于网络驱动器上。数据库必须放在本机磁盘上，否则可能损坏。</translation>
    </message>
    <message>
        <source>The data folder {path} is read-only ({reason}). Choose a folder you can write to.</source>
        <translation>数据文件夹 {path} 是只读的（{reason}）。请选择一个可以写入的文件夹。</translation>
    </message>
    <message>
        <source>The database file {path} is in use by another program (it stayed locked for more than {seconds} seconds). It was not changed. Close the other program (a backup or synchronisation tool, a database viewer) and try again.</source>
        <translation>数据库文件 {path} 正被其他程序使用（锁定超过 {seconds} 秒），文件未作任何改动。请关闭该程序（备份或同步工具、数据库查看器）后重试。</translation>
    </message>
    <message>
        <source>{path} is a folder, not the shop&apos;s database file. Nothing was changed. Move the folder away, or choose another data folder with --data-dir.</source>
        <translation>{path} 是一个文件夹，不是店铺的数据库文件，未作任何改动。请把该文件夹移走，或用 --data-dir 另选数据文件夹。</translation>
    </message>
    <message>
        <source>The database file {path} is empty (0 bytes): it holds no shop. It was not changed. Restore the latest backup (&apos;shop-aftersales restore&apos;), or move the file away to start a new shop.</source>
        <translation>数据库文件 {path} 是空的（0 字节），里面没有店铺数据，文件未作任何改动。请恢复最近的备份（“shop-aftersales restore”），或把该文件移走，重新开店。</translation>
    </message>
    <message>
        <source>The database file {path} is read-only, so the shop cannot work on it. It was not changed. Make the file writable again (its Properties), then start again.</source>
        <translation>数据库文件 {path} 是只读的，无法使用，文件未作任何改动。请在文件“属性”中取消只读后重新启动。</translation>
    </message>
    <message>
        <source>The database file {path} is damaged or is not a Shop Aftersales database ({reason}). It was not changed. Restore the latest backup (File → Restore a backup…, or &apos;shop-aftersales restore&apos;), or move the file away to start afresh.</source>
        <translation>数据库文件 {path} 已损坏或不是售后管家的数据库（{reason}），文件未作任何改动。请恢复最近的备份（文件 → 恢复备份…，或“shop-aftersales restore”），或把该文件移走，重新开始。</translation>
    </message>
    <message>
        <source>The file {path} is a database of another program, not of Shop Aftersales. It was not changed. Move it away, or choose another data folder with --data-dir.</source>
        <translation>文件 {path} 是其他程序的数据库，不是售后管家的，文件未作任何改动。请把它移走，或用 --data-dir 另选数据文件夹。</translation>
    </message>
    <message>
        <source>There is no shop database in {folder}.</source>
        <translation>{folder} 中没有店铺数据库。</translation>
    </message>
    <message>
        <source>The database in {folder} needs this version&apos;s upgrade first, and the app (or another command) has the folder open. Close it, then run this again. Nothing was changed.</source>
        <translation>{folder} 中的数据库需要先升级到本版本，而程序（或另一个命令）正在使用该文件夹。请先关闭，再重新运行。未作任何改动。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Shop Aftersales (schema {unknown}). Install the newer version to open it. The file was not changed.</source>
        <translation>该数据库由更新版本的售后管家写入（数据结构 {unknown}）。请安装新版本后再打开。该文件未被改动。</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修技师</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Sellable stock</source>
        <translation>可销售库存</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>待检测区</translation>
    </message>
    <message>
        <source>Quality fault</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Wrong item shipped</source>
        <translation>发错货</translation>
    </message>
    <message>
        <source>Damaged in transit</source>
        <translation>运输损坏</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>与描述不符</translation>
    </message>
    <message>
        <source>Allergy or adverse reaction</source>
        <translation>过敏或不良反应</translation>
    </message>
    <message>
        <source>Changed mind</source>
        <translation>不想要了（无理由）</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Unopened</source>
        <translation>未拆封</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>已拆封</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>有损坏</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <source>Needs the owner&apos;s approval</source>
        <translation>需店长批准</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Back to the original payment</source>
        <translation>原路退回</translation>
    </message>
    <message>
        <source>Waiting for inspection</source>
        <translation>待检测</translation>
    </message>
    <message>
        <source>Repairable</source>
        <translation>可维修区</translation>
    </message>
    <message>
        <source>In repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Waiting for the quality check</source>
        <translation>待质检</translation>
    </message>
    <message>
        <source>Resell as is: to the quality check</source>
        <translation>按现状再销售：送质检</translation>
    </message>
    <message>
        <source>Quality check result</source>
        <translation>质检结果</translation>
    </message>
    <message>
        <source>Resale</source>
        <translation>特价再销售</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>待取件</translation>
    </message>
    <message>
        <source>Back in sellable stock</source>
        <translation>已回可销售库存</translation>
    </message>
    <message>
        <source>On the resale shelf</source>
        <translation>在特价区</translation>
    </message>
    <message>
        <source>To return to the supplier</source>
        <translation>待退供应商</translation>
    </message>
    <message>
        <source>Returned to the supplier</source>
        <translation>已退回供应商</translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>已报废</translation>
    </message>
    <message>
        <source>Back with the customer</source>
        <translation>已交还顾客</translation>
    </message>
    <message>
        <source>Resold</source>
        <translation>已再销售</translation>
    </message>
    <message>
        <source>Missing at a stock count</source>
        <translation>盘点时缺失</translation>
    </message>
    <message>
        <source>Beyond repair: scrap</source>
        <translation>无法修复：报废</translation>
    </message>
    <message>
        <source>No fault: back to sellable stock</source>
        <translation>无故障：回可销售库存</translation>
    </message>
    <message>
        <source>Faulty from the supplier</source>
        <translation>供应商质量问题：退供应商</translation>
    </message>
    <message>
        <source>Give back to the customer</source>
        <translation>交还顾客</translation>
    </message>
    <message>
        <source>Start the repair</source>
        <translation>开始维修</translation>
    </message>
    <message>
        <source>Pause the repair</source>
        <translation>暂停维修</translation>
    </message>
    <message>
        <source>Repaired: to the quality check</source>
        <translation>已修好：送质检</translation>
    </message>
    <message>
        <source>Ready for the customer to pick up</source>
        <translation>待顾客取件</translation>
    </message>
    <message>
        <source>Checked: back to sellable stock</source>
        <translation>质检通过：回可销售库存</translation>
    </message>
    <message>
        <source>Checked: to the resale shelf</source>
        <translation>质检通过：放特价区</translation>
    </message>
    <message>
        <source>Failed the check: repair again</source>
        <translation>质检不合格：返修</translation>
    </message>
    <message>
        <source>Failed the check: scrap</source>
        <translation>质检不合格：报废</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <source>Take off the shelf: check again</source>
        <translation>下架：重新质检</translation>
    </message>
    <message>
        <source>Picked up by the customer</source>
        <translation>顾客已取件</translation>
    </message>
    <message>
        <source>Shipped back to the supplier</source>
        <translation>已寄回供应商</translation>
    </message>
    <message>
        <source>Supplier refused: inspect again</source>
        <translation>供应商拒收：重新检测</translation>
    </message>
    <message>
        <source>Not found at the stock count</source>
        <translation>盘点未找到</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>转移</translation>
    </message>
    <message>
        <source>Policy overridden</source>
        <translation>政策例外</translation>
    </message>
    <message>
        <source>Refund paid</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Exchanged</source>
        <translation>已换货</translation>
    </message>
    <message>
        <source>Scrap record</source>
        <translation>报废记录</translation>
    </message>
    <message>
        <source>Supplier credit</source>
        <translation>供应商退款</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>已检测</translation>
    </message>
    <message>
        <source>Photo added</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Refund reversed</source>
        <translation>退款已冲销</translation>
    </message>
    <message>
        <source>Quality check</source>
        <translation>待质检区</translation>
    </message>
    <message>
        <source>Resale shelf</source>
        <translation>特价区</translation>
    </message>
    <message>
        <source>Return to supplier</source>
        <translation>待退供应商</translation>
    </message>
    <message>
        <source>Spare parts store</source>
        <translation>配件库</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Stock adjustment</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Used in repairs</source>
        <translation>维修耗用</translation>
    </message>
    <message>
        <source>SQLite integrity: {detail}</source>
        <translation>SQLite 完整性检查：{detail}</translation>
    </message>
    <message>
        <source>Row {rowid} of {table} points to a missing {parent}.</source>
        <translation>{table} 表第 {rowid} 行引用了不存在的 {parent}。</translation>
    </message>
    <message>
        <source>Product #{product} is negative ({qty}) in location #{loc}.</source>
        <translation>商品 #{product} 在库位 #{loc} 的数量为负（{qty}）。</translation>
    </message>
    <message>
        <source>On-hand of product #{product} in location #{loc} is {cached}, but its moves add up to {ledger}.</source>
        <translation>商品 #{product} 在库位 #{loc} 的现存量记为 {cached}，但其库存流水合计为 {ledger}。</translation>
    </message>
    <message>
        <source>Serial {serial} of product #{product} moved more than one unit at once.</source>
        <translation>商品 #{product} 的序列号 {serial} 一次移动了不止一件。</translation>
    </message>
    <message>
        <source>Serial {serial} of product #{product} is in {count} places at once.</source>
        <translation>商品 #{product} 的序列号 {serial} 同时出现在 {count} 个位置。</translation>
    </message>
    <message>
        <source>Serial {serial} of product #{product} is recorded where its last move did not take it.</source>
        <translation>商品 #{product} 的序列号 {serial} 记录的位置与其最后一次移动的去向不符。</translation>
    </message>
    <message>
        <source>Serial {serial} of product #{product} left a place it was not in.</source>
        <translation>商品 #{product} 的序列号 {serial} 从一个它并不在的位置移出。</translation>
    </message>
    <message>
        <source>Item {code} is “{status}” but its history ends at “{last}”.</source>
        <translation>售后品 {code} 状态为“{status}”，但其履历最后停在“{last}”。</translation>
    </message>
    <message>
        <source>Item {code} is “{status}” but its last stock move took it to “{place}”.</source>
        <translation>售后品 {code} 状态为“{status}”，但其最后一次库存移动去了“{place}”。</translation>
    </message>
    <message>
        <source>Item {code} is “{status}” with {count} open repair order(s).</source>
        <translation>售后品 {code} 状态为“{status}”，却有 {count} 张未关闭的维修单。</translation>
    </message>
    <message>
        <source>The safeguard {name} that keeps stock moves unchanged is missing.</source>
        <translation>保证库存流水不被修改的保护机制 {name} 缺失。</translation>
    </message>
    <message>
        <source>Document type {doc_type} has the wrong prefix {prefix}.</source>
        <translation>单据类型 {doc_type} 的前缀 {prefix} 不正确。</translation>
    </message>
    <message>
        <source>Number {used} of {doc_type} documents is in use, but the next number would be {next}: numbers could repeat.</source>
        <translation>{doc_type} 单据编号 {used} 已被使用，但下一个编号将是 {next}：编号可能重复。</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>resale</source>
        <translation>再销售</translation>
    </message>
    <message>
        <source>Item {code} is “{status}”, but the ledger has its unit in “{place}”.</source>
        <translation>售后品 {code} 的状态是“{status}”，但库存流水显示这件商品在“{place}”。</translation>
    </message>
    <message>
        <source>{count} unit(s) of product #{product} are “{status}” on their items, but the ledger has {ledger} there.</source>
        <translation>商品 #{product} 有 {count} 件售后品处于“{status}”，但库存流水显示那里只有 {ledger} 件。</translation>
    </message>
    <message>
        <source>The ledger holds {ledger} customers&apos; unit(s) of product #{product} in “{place}”, but customers&apos; items there add up to {items}.</source>
        <translation>库存流水显示商品 #{product} 在“{place}”有 {ledger} 件顾客自有商品，但那里的顾客售后品合计为 {items} 件。</translation>
    </message>
    <message>
        <source>Item {code} is not owned by whom its stock moves say.</source>
        <translation>售后品 {code} 的归属与其库存流水记录的归属不一致。</translation>
    </message>
    <message>
        <source>Item {code} says it is settled, but its refund {refunds} was reversed and nothing else settles it.</source>
        <translation>售后品 {code} 显示已结清，但其退款 {refunds} 已冲销，且没有其他结清记录。</translation>
    </message>
    <message>
        <source>Item {code} was settled {count} times (refunds and exchanges).</source>
        <translation>售后品 {code} 被结算了 {count} 次（退款和换货）。</translation>
    </message>
    <message>
        <source>Item {code} went back to its customer after a refund or an exchange: the customer has both the goods and the money.</source>
        <translation>售后品 {code} 在退款或换货之后又交还给了顾客：顾客既拿到了商品，又拿到了钱。</translation>
    </message>
    <message>
        <source>Item {code} says “{state}” but has {count} refund(s) or exchange(s).</source>
        <translation>售后品 {code} 记为“{state}”，却有 {count} 笔退款或换货。</translation>
    </message>
    <message>
        <source>Item {code} is a customer&apos;s own unit in for repair, yet it was refunded or exchanged.</source>
        <translation>售后品 {code} 是顾客送修的自有商品，却被退款或换货了。</translation>
    </message>
    <message>
        <source>Item {code} has an active resale listing but is not on the resale shelf.</source>
        <translation>售后品 {code} 有在售的特价商品信息，但并不在特价区。</translation>
    </message>
    <message>
        <source>A {step} of item {code} names no one who did it.</source>
        <translation>售后品 {code} 的{step}记录没有写明经手人。</translation>
    </message>
    <message>
        <source>Refund {number} is more than the customer paid and no owner approved it.</source>
        <translation>退款单 {number} 的金额超过顾客实付金额，却没有店长批准。</translation>
    </message>
    <message>
        <source>Scrap record {number} names no owner who approved it.</source>
        <translation>报废记录 {number} 没有写明批准的店长。</translation>
    </message>
    <message>
        <source>Reversal {number} is for ¥{amount}, but the refund it reverses, {refund}, was ¥{refunded}.</source>
        <translation>冲销单 {number} 的金额为 ¥{amount}，但被冲销的退款单 {refund} 为 ¥{refunded}。</translation>
    </message>
    <message>
        <source>Reversal {number} of refund {refund} names no owner who approved it.</source>
        <translation>退款单 {refund} 的冲销单 {number} 没有写明批准的店长。</translation>
    </message>
    <message>
        <source>Item {code} was refunded ¥{net} net of reversals, more than the ¥{paid} the customer paid, and no owner approved it.</source>
        <translation>售后品 {code} 扣除冲销后退款 ¥{net}，超过顾客实付的 ¥{paid}，却没有店长批准。</translation>
    </message>
    <message>
        <source>The stock ledger</source>
        <translation>库存台账</translation>
    </message>
    <message>
        <source>The items&apos; history</source>
        <translation>售后品履历</translation>
    </message>
    <message>
        <source>The safeguard {name} is missing: what it protects could be changed without a trace.</source>
        <translation>安全保护 {name} 缺失：它保护的记录可能被改动而不留痕迹。</translation>
    </message>
    <message>
        <source>Resale sale</source>
        <translation>特价销售单</translation>
    </message>
    <message>
        <source>{record} {number} does not agree with the items&apos; history: it was changed behind the app&apos;s back.</source>
        <translation>{record} {number} 与售后品履历不符：已被绕过本软件改动。</translation>
    </message>
    <message>
        <source>Refund reversal</source>
        <translation>退款冲销</translation>
    </message>
    <message>
        <source>The items&apos; history has refund reversal {number}, but the reversal is not in the database: it was deleted behind the app&apos;s back.</source>
        <translation>售后品履历中有退款冲销 {number}，但数据库里已没有这笔冲销：有人绕过本软件删除了它。</translation>
    </message>
    <message>
        <source>The supplier&apos;s credit for item {code} does not agree with its history: it was changed behind the app&apos;s back.</source>
        <translation>售后品 {code} 的供应商退款与其履历不符：已被绕过本软件改动。</translation>
    </message>
    <message>
        <source>{history} has been tampered with: entry #{gone}, before entry #{id} of {when}, was deleted.</source>
        <translation>{history}被篡改：第 {id} 条（{when}）之前的第 {gone} 条被删除。</translation>
    </message>
    <message>
        <source>{history} has been tampered with: entries #{first} to #{last}, before entry #{id} of {when}, were deleted.</source>
        <translation>{history}被篡改：第 {id} 条（{when}）之前的第 {first} 至 {last} 条被删除。</translation>
    </message>
    <message>
        <source>{history} has been tampered with: entry #{id} of {when} was changed or put in behind the app&apos;s back.</source>
        <translation>{history}被篡改：第 {id} 条（{when}）被绕过本软件改动或插入。</translation>
    </message>
    <message>
        <source>{history} breaks in {count} places; the first is entry #{id} of {when}.</source>
        <translation>{history}共有 {count} 处断裂，第一处在第 {id} 条（{when}）。</translation>
    </message>
    <message>
        <source>{history} has lost the record of its last entry: it was deleted behind the app&apos;s back.</source>
        <translation>{history}的末条记录标记丢失：已被绕过本软件删除。</translation>
    </message>
    <message>
        <source>{history} has been tampered with: it ends at entry #{last} of {when}, but the app wrote up to #{head}; the newest entries were deleted.</source>
        <translation>{history}被篡改：现止于第 {last} 条（{when}），但本软件已写到第 {head} 条；最新的记录被删除。</translation>
    </message>
    <message>
        <source>{history} has been tampered with: the app wrote up to entry #{head}, but it goes on to #{last}; entries were added behind the app&apos;s back.</source>
        <translation>{history}被篡改：本软件只写到第 {head} 条，记录却延续到第 {last} 条；有记录被绕过本软件添加。</translation>
    </message>
    <message>
        <source>{history} has been tampered with: its last entry #{id} of {when} is not the one the app wrote.</source>
        <translation>{history}被篡改：末条第 {id} 条（{when}）不是本软件写入的那条。</translation>
    </message>
    <message>
        <source>Row {id} of {table} has a {field} that its change log never recorded: it was changed behind the app&apos;s back.</source>
        <translation>{table} 表第 {id} 行的 {field} 与变更记录不符：已被绕过本软件改动。</translation>
    </message>
    <message>
        <source>Row {id} of {table} is in the change log but no longer in the database: it was deleted.</source>
        <translation>{table} 表第 {id} 行在变更记录中有，数据库中却没有：已被删除。</translation>
    </message>
    <message>
        <source>This data folder already has a shop in it; the demo is only put into an empty one.</source>
        <translation>该数据文件夹中已有店铺数据；演示店铺只能放入空文件夹。</translation>
    </message>
    <message>
        <source>row {row}, column &apos;{column}&apos;: {message}</source>
        <translation>第 {row} 行“{column}”列：{message}</translation>
    </message>
    <message>
        <source>row {row}: {message}</source>
        <translation>第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>The file was not imported: {count} problem(s) found. Nothing was written.</source>
        <translation>文件未导入：发现 {count} 个问题。未写入任何数据。</translation>
    </message>
    <message>
        <source>{file}: {message}</source>
        <translation>{file}：{message}</translation>
    </message>
    <message>
        <source>  … and {more} more.</source>
        <translation>  …… 还有 {more} 个问题。</translation>
    </message>
    <message>
        <source>This cell holds {length} characters; at most {max} fit here.</source>
        <translation>此单元格有 {length} 个字符，最多只能填 {max} 个。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; holds a control character (\x{code}), which cannot be typed: delete it and type the text again.</source>
        <translation>“{value}”含有控制字符（\x{code}），键盘无法输入这种字符：请删除后重新输入。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; was stored as a number and has lost digits. Format the column as text and type the code again.</source>
        <translation>“{value}”被存成了数字，位数已丢失。请把该列设为文本格式后重新输入。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is a date or a time, not a code. Format the column as text and type the code again.</source>
        <translation>“{value}”是日期或时间，不是编码。请把该列设为文本格式后重新输入编码。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; has more than two decimal places. Write the amount in yuan with at most two, such as 1299.00 or 1.30.</source>
        <translation>“{value}”的小数超过两位。金额以元为单位，最多两位小数，如 1299.00 或 1.30。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number.</source>
        <translation>“{value}”不是整数。</translation>
    </message>
    <message>
        <source>The quantity must be more than zero (got {value}).</source>
        <translation>数量必须大于零（现为 {value}）。</translation>
    </message>
    <message>
        <source>The date {value} is in the future (after {latest}): check the year.</source>
        <translation>日期 {value} 在未来（晚于 {latest}）：请检查年份。</translation>
    </message>
    <message>
        <source>The date {value} is before 2000: check the year.</source>
        <translation>日期 {value} 早于 2000 年：请检查年份。</translation>
    </message>
    <message>
        <source>The quantity {value} is implausibly large.</source>
        <translation>数量 {value} 大得不合理。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount of money.</source>
        <translation>“{value}”不是有效金额。</translation>
    </message>
    <message>
        <source>An amount cannot be negative (got {value}).</source>
        <translation>金额不能为负数（现为 {value}）。</translation>
    </message>
    <message>
        <source>The amount {value} is implausibly large.</source>
        <translation>金额 {value} 大得不合理。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date (write it like 2026-03-18).</source>
        <translation>“{value}”不是日期（请写成 2026-03-18 这样的格式）。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not yes or no (是/否).</source>
        <translation>“{value}”不是“是”或“否”。</translation>
    </message>
    <message>
        <source>The product&apos;s code in your till system, exactly as written there (leading zeros count).</source>
        <translation>收银系统中的商品编码，按原样填写（开头的 0 也要保留）。</translation>
    </message>
    <message>
        <source>The product&apos;s name as the customer knows it.</source>
        <translation>顾客熟悉的商品名称。</translation>
    </message>
    <message>
        <source>Model, size or colour.</source>
        <translation>型号、尺码或颜色。</translation>
    </message>
    <message>
        <source>Who the shop buys it from; a new name creates the supplier.</source>
        <translation>进货的供应商；填写新名称会新建供应商。</translation>
    </message>
    <message>
        <source>Serial number or IMEI of the unit, exactly as on the unit; only for products tracked by serial number (one row per unit).</source>
        <translation>商品的序列号或 IMEI，按机身原样填写；仅限按序列号管理的商品（每件一行）。</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>The barcode printed on the pack (EAN-13 or the shop&apos;s own); a scan finds the product by it.</source>
        <translation>包装上的条码（EAN-13 或店内自编码）；扫码时按它查找商品。</translation>
    </message>
    <message>
        <source>The category the return policy and the reports group it by; a new name creates the category.</source>
        <translation>退换货政策和报表按此分类；填写新名称会新建分类。</translation>
    </message>
    <message>
        <source>The brand.</source>
        <translation>品牌。</translation>
    </message>
    <message>
        <source>The price of a new unit in yuan.</source>
        <translation>新品售价（元）。</translation>
    </message>
    <message>
        <source>What the shop pays for a unit, in yuan.</source>
        <translation>每件进货成本（元）。</translation>
    </message>
    <message>
        <source>Whether each unit is tracked by its own serial number (phones, appliances); empty means no.</source>
        <translation>是否每件按序列号管理（手机、家电等）；留空表示否。</translation>
    </message>
    <message>
        <source>The receipt number as printed on the receipt; one row per line of the receipt, the same number on each.</source>
        <translation>销售单上印的单号；销售单的每行商品占一行，各行单号相同。</translation>
    </message>
    <message>
        <source>The day of the sale, optionally with the time.</source>
        <translation>销售日期，可带时间。</translation>
    </message>
    <message>
        <source>The customer&apos;s name.</source>
        <translation>顾客姓名。</translation>
    </message>
    <message>
        <source>The customer&apos;s phone number; customers are matched by it.</source>
        <translation>顾客电话；按电话识别顾客。</translation>
    </message>
    <message>
        <source>How many units were sold on this line (1 for a line with a serial).</source>
        <translation>本行售出数量（有序列号的行填 1）。</translation>
    </message>
    <message>
        <source>The price paid per unit, in yuan.</source>
        <translation>实收单价（元）。</translation>
    </message>
    <message>
        <source>The supplier&apos;s batch or lot; return rates are reported per batch.</source>
        <translation>供应商批次号；退货率按批次统计。</translation>
    </message>
    <message>
        <source>Who sold it, as the staff member&apos;s name in the app (the same on every line of a receipt); return rates are reported per salesperson. A name that is no staff member&apos;s stops the import until it is created or mapped to one in the app.</source>
        <translation>谁卖的：填写该销售员在本软件中的员工姓名（同一张小票的每一行相同）；退货率按销售员统计。姓名不在员工名单中时，导入会停下，需先在软件中新建该员工或将其对应到现有员工。</translation>
    </message>
    <message>
        <source>Opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <source>The stock zone the units are in; choose it from the list.</source>
        <translation>商品所在库区；请从下拉列表中选择。</translation>
    </message>
    <message>
        <source>How many units are there (1 for a row with a serial).</source>
        <translation>现有数量（有序列号的行填 1）。</translation>
    </message>
    <message>
        <source>Row {row} is still the template&apos;s example and was left out.</source>
        <translation>第 {row} 行仍是模板示例，已略过。</translation>
    </message>
    <message>
        <source>{name} is empty (0 bytes).</source>
        <translation>{name} 是空文件（0 字节）。</translation>
    </message>
    <message>
        <source>{name} is protected with a password. Open it in Excel or WPS, remove the password, save it and import it again.</source>
        <translation>{name} 设有密码保护。请在 Excel 或 WPS 中打开，取消密码并保存后再导入。</translation>
    </message>
    <message>
        <source>{name} is an old Excel 97–2003 (.xls) workbook, whatever its name says. Open it in Excel or WPS and save it as &apos;Excel Workbook (*.xlsx)&apos;.</source>
        <translation>{name} 实际是旧版 Excel 97–2003（.xls）工作簿（与文件名无关）。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”。</translation>
    </message>
    <message>
        <source>damaged, or not a zip archive</source>
        <translation>文件已损坏，或不是 zip 压缩包</translation>
    </message>
    <message>
        <source>{name} is a web page saved under an Excel name (some tills export this way). Open it in Excel or WPS and save it as &apos;Excel Workbook (*.xlsx)&apos;.</source>
        <translation>{name} 其实是网页文件，只是用了 Excel 的文件名（有些收银系统这样导出）。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”。</translation>
    </message>
    <message>
        <source>{name} is a text (CSV) file, not an Excel workbook, whatever its name says. Open it in Excel or WPS and save it as &apos;Excel Workbook (*.xlsx)&apos;.</source>
        <translation>{name} 是文本（CSV）文件，不是 Excel 工作簿（与文件名无关）。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”。</translation>
    </message>
    <message>
        <source>{name} contains a document type declaration (DTD) in {part}. Excel never writes one, and it can be used to attack the computer reading the file: it was not read.</source>
        <translation>{name} 的 {part} 中含有文档类型声明（DTD）。Excel 从不写入这种内容，它可能被用来攻击读取文件的电脑：本文件未被读取。</translation>
    </message>
    <message>
        <source>{name} is not an Excel .xlsx file. Save it from Excel or WPS as &apos;Excel Workbook (*.xlsx)&apos; and try again.</source>
        <translation>{name} 不是 Excel .xlsx 文件。请在 Excel 或 WPS 中另存为“Excel 工作簿 (*.xlsx)”后重试。</translation>
    </message>
    <message>
        <source>The file {name} does not exist.</source>
        <translation>文件 {name} 不存在。</translation>
    </message>
    <message>
        <source>{name} unpacks to {size} MB: too large for one import (or damaged). Split it into smaller files.</source>
        <translation>{name} 解压后有 {size} MB：单次导入过大（或文件已损坏）。请拆分成较小的文件。</translation>
    </message>
    <message>
        <source>{name} is a zip archive, not an Excel workbook.</source>
        <translation>{name} 是 zip 压缩包，不是 Excel 工作簿。</translation>
    </message>
    <message>
        <source>{name} has no sheet that can be read.</source>
        <translation>{name} 中没有可读取的工作表。</translation>
    </message>
    <message>
        <source>{name} has no visible sheet: every sheet in it is hidden. Show the sheet to import and save the file again.</source>
        <translation>{name} 中没有可见的工作表：所有工作表都被隐藏了。请取消隐藏要导入的工作表并重新保存。</translation>
    </message>
    <message>
        <source>The cell is stored as a number but holds &apos;{value}&apos;: the file is damaged.</source>
        <translation>该单元格按数字存储，内容却是“{value}”：文件已损坏。</translation>
    </message>
    <message>
        <source>The cell is stored as a date but holds &apos;{value}&apos;: the file is damaged.</source>
        <translation>该单元格按日期存储，内容却是“{value}”：文件已损坏。</translation>
    </message>
    <message>
        <source>The cell is stored as yes/no (TRUE/FALSE) but holds &apos;{value}&apos;: the file is damaged.</source>
        <translation>该单元格按是/否（TRUE/FALSE）存储，内容却是“{value}”：文件已损坏。</translation>
    </message>
    <message>
        <source>The cell cannot be read ({reason}): the file is damaged.</source>
        <translation>该单元格无法读取（{reason}）：文件已损坏。</translation>
    </message>
    <message>
        <source>The cell refers to text number {index} of the file, which the file does not have: the file is damaged.</source>
        <translation>该单元格引用了文件中第 {index} 号文本，而文件里没有这一项：文件已损坏。</translation>
    </message>
    <message>
        <source>The cell reference &apos;{ref}&apos; is not valid here: the file is damaged.</source>
        <translation>单元格位置“{ref}”在此处无效：文件已损坏。</translation>
    </message>
    <message>
        <source>a row number is not valid</source>
        <translation>行号无效</translation>
    </message>
    <message>
        <source>the rows are out of order</source>
        <translation>行的顺序错乱</translation>
    </message>
    <message>
        <source>a row lies beyond Excel&apos;s last row</source>
        <translation>有一行超出了 Excel 的最后一行</translation>
    </message>
    <message>
        <source>its XML is broken</source>
        <translation>其 XML 内容已损坏</translation>
    </message>
    <message>
        <source>{name} cannot be read as an Excel workbook ({reason}).</source>
        <translation>无法将 {name} 作为 Excel 工作簿读取（{reason}）。</translation>
    </message>
    <message>
        <source>{name} has {count} rows on its sheet &apos;{sheet}&apos;; one import takes at most {max} rows. Split it into smaller files.</source>
        <translation>{name} 的工作表“{sheet}”有 {count} 行；一次最多导入 {max} 行。请拆分成几个较小的文件。</translation>
    </message>
    <message>
        <source>The sheet &apos;{sheet}&apos; of {name} is damaged after row {row} and cannot be read: {what}.</source>
        <translation>{name} 的工作表“{sheet}”在第 {row} 行之后已损坏，无法读取：{what}。</translation>
    </message>
    <message>
        <source>The sheet of {name} is damaged near row {row} and cannot be read ({reason}).</source>
        <translation>{name} 的工作表在第 {row} 行附近已损坏，无法读取（{reason}）。</translation>
    </message>
    <message>
        <source>The first sheet is empty: there is no header row.</source>
        <translation>第一个工作表是空的：没有表头行。</translation>
    </message>
    <message>
        <source>No header row was found in the first {rows} rows of the first sheet: a row naming the columns, such as {names}.</source>
        <translation>第一个工作表的前 {rows} 行中没有找到表头行（写有列名的一行，例如 {names}）。</translation>
    </message>
    <message>
        <source>This column and column {other} (&apos;{other_name}&apos;) are both read as {field}: keep one of them.</source>
        <translation>此列与第 {other} 列（“{other_name}”）都会被读作{field}：请只保留其中一列。</translation>
    </message>
    <message>
        <source>The required column &apos;{zh}&apos; ({en}) is missing from the header row.</source>
        <translation>表头行缺少必填列“{zh}”（{en}）。</translation>
    </message>
    <message>
        <source>The file has more than {max} rows; split it into smaller files.</source>
        <translation>文件超过 {max} 行，请拆分成较小的文件。</translation>
    </message>
    <message>
        <source>This cell must not be empty.</source>
        <translation>此单元格不能为空。</translation>
    </message>
    <message>
        <source>This row is still marked as the template&apos;s example but holds other values. If it is real, delete the mark “{mark}”; if not, delete the row.</source>
        <translation>此行仍标记为模板示例，但内容已被改动。若是真实数据，请删除标记“{mark}”；否则请删除此行。</translation>
    </message>
    <message>
        <source>The file holds only the template&apos;s example row: write your own rows over it or below it.</source>
        <translation>文件中只有模板的示例行：请改写该行，或在其下方填写您的数据。</translation>
    </message>
    <message>
        <source>The file has a header row but no data rows.</source>
        <translation>文件只有表头，没有数据行。</translation>
    </message>
    <message>
        <source>SKU {sku} is already on row {other}.</source>
        <translation>商品编码 {sku} 已出现在第 {other} 行。</translation>
    </message>
    <message>
        <source>{sku} already has sales or stock; whether it is tracked by serial number can no longer change.</source>
        <translation>{sku} 已有销售或库存记录，不能再更改是否按序列号管理。</translation>
    </message>
    <message>
        <source>{created} new product(s), {updated} updated.</source>
        <translation>新增 {created} 个商品，更新 {updated} 个。</translation>
    </message>
    <message>
        <source>No product has the SKU {sku}. Import the products first.</source>
        <translation>没有商品编码为 {sku} 的商品。请先导入商品。</translation>
    </message>
    <message>
        <source>Receipt {receipt} has a different value here than on row {first}.</source>
        <translation>单号 {receipt} 此处的值与第 {first} 行不一致。</translation>
    </message>
    <message>
        <source>A line with a serial number is one unit: the quantity must be 1.</source>
        <translation>带序列号的行只代表一件商品：数量必须为 1。</translation>
    </message>
    <message>
        <source>Serial {serial} is sold twice: also on row {other}.</source>
        <translation>序列号 {serial} 被销售了两次：第 {other} 行也有。</translation>
    </message>
    <message>
        <source>Serial {serial} was already sold on receipt {receipt}.</source>
        <translation>序列号 {serial} 已在单号 {receipt} 中售出。</translation>
    </message>
    <message>
        <source>{created} receipt(s) imported, {skipped} already present and skipped.</source>
        <translation>已导入 {created} 张销售单，{skipped} 张已存在，已跳过。</translation>
    </message>
    <message>
        <source>Already imported, left as they were: {receipts}.</source>
        <translation>以下销售单已导入过，未作改动：{receipts}。</translation>
    </message>
    <message>
        <source>In this file {receipts} differ from the receipts already imported under the same numbers (other products, quantities or prices). The imported receipts were not changed: check them in the till, and correct a mistake with a return.</source>
        <translation>本文件中的 {receipts} 与已导入的同号销售单不一致（商品、数量或价格不同）。已导入的销售单未被改动：请在收银系统中核对，如有错误请通过退货更正。</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation>等另外 {count} 张</translation>
    </message>
    <message>
        <source>&apos;{zone}&apos; is not a stock zone.</source>
        <translation>“{zone}”不是库区。</translation>
    </message>
    <message>
        <source>{sku} already has opening stock in this zone.</source>
        <translation>{sku} 在该库区已有期初库存。</translation>
    </message>
    <message>
        <source>{sku} is tracked by serial number: one row per unit, with its serial.</source>
        <translation>{sku} 按序列号管理：每件一行，并填写序列号。</translation>
    </message>
    <message>
        <source>Serial {serial} is also on row {other}.</source>
        <translation>序列号 {serial} 也出现在第 {other} 行。</translation>
    </message>
    <message>
        <source>Unit {serial} is already in the ledger.</source>
        <translation>序列号为 {serial} 的商品已在库存账中。</translation>
    </message>
    <message>
        <source>{sku} is not tracked by serial number; leave the serial empty.</source>
        <translation>{sku} 不按序列号管理，序列号请留空。</translation>
    </message>
    <message>
        <source>{count} opening stock line(s) posted as {reference}.</source>
        <translation>已过账 {count} 行期初库存，单号 {reference}。</translation>
    </message>
    <message>
        <source>Unknown stock location &apos;{code}&apos;.</source>
        <translation>未知库位“{code}”。</translation>
    </message>
    <message>
        <source>A quantity to move must be at least 1 (got {qty}).</source>
        <translation>移动数量至少为 1（现为 {qty}）。</translation>
    </message>
    <message>
        <source>A move needs two different locations.</source>
        <translation>库存移动需要两个不同的库位。</translation>
    </message>
    <message>
        <source>{product} is tracked by serial number: give the serial of the unit.</source>
        <translation>{product} 按序列号管理：请填写该件的序列号。</translation>
    </message>
    <message>
        <source>A serialised unit moves one at a time.</source>
        <translation>按序列号管理的商品只能逐件移动。</translation>
    </message>
    <message>
        <source>Unit {serial} of {product} is in &apos;{where}&apos;, not in &apos;{source}&apos;.</source>
        <translation>{product}（序列号 {serial}）在“{where}”，不在“{source}”。</translation>
    </message>
    <message>
        <source>Unit {serial} of {product} is not in &apos;{source}&apos;.</source>
        <translation>{product}（序列号 {serial}）不在“{source}”。</translation>
    </message>
    <message>
        <source>Only {available} of {product} in &apos;{source}&apos;; cannot move {qty}.</source>
        <translation>“{source}”中 {product} 只有 {available} 件，无法移动 {qty} 件。</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Waiting since</source>
        <translation>等待起</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Days on the shelf</source>
        <translation>上架天数</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Mark down to</source>
        <translation>建议降至</translation>
    </message>
    <message>
        <source>Sale no.</source>
        <translation>销售单号</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Sold by</source>
        <translation>销售员</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>After-sales report</source>
        <translation>售后报表</translation>
    </message>
    <message>
        <source>Exported at {moment}</source>
        <translation>导出于 {moment}</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Return shipping</source>
        <translation>退货运费</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>售后品</translation>
    </message>
    <message>
        <source>Price paid</source>
        <translation>实付单价</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>退款日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid back by</source>
        <translation>退款方式</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Reversed by {number} on {date}</source>
        <translation>已于 {date} 由 {number} 冲销</translation>
    </message>
    <message>
        <source>Reverses refund {number} of {date}: {reason}</source>
        <translation>冲销 {date} 的退款单 {number}：{reason}</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>维修成本</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>开单日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>工时费</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Outside fees</source>
        <translation>外协费用</translation>
    </message>
    <message>
        <source>Logged</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Rate per hour</source>
        <translation>每小时工时费</translation>
    </message>
    <message>
        <source>Parts used</source>
        <translation>配件领用</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>Returned product</source>
        <translation>退回商品</translation>
    </message>
    <message>
        <source>Handed out</source>
        <translation>换出商品</translation>
    </message>
    <message>
        <source>At cost</source>
        <translation>成本金额</translation>
    </message>
    <message>
        <source>Told the customer</source>
        <translation>已告知顾客</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Write-off</source>
        <translation>核销</translation>
    </message>
    <message>
        <source>Shipments to customers</source>
        <translation>寄给顾客的快递</translation>
    </message>
    <message>
        <source>Shipping to customers</source>
        <translation>寄给顾客的运费</translation>
    </message>
    <message>
        <source>Repair costs</source>
        <translation>维修成本</translation>
    </message>
    <message>
        <source>Measures noted</source>
        <translation>期间措施</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>▼ better</source>
        <translation>▼ 好转</translation>
    </message>
    <message>
        <source>▲ worse</source>
        <translation>▲ 变差</translation>
    </message>
    <message>
        <source>▲ up (neutral)</source>
        <translation>▲ 上升（中性）</translation>
    </message>
    <message>
        <source>▼ down (neutral)</source>
        <translation>▼ 下降（中性）</translation>
    </message>
    <message>
        <source>= unchanged</source>
        <translation>= 持平</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>对比期间</translation>
    </message>
    <message>
        <source>{start} to {end}, the previous period of the same length</source>
        <translation>{start} 至 {end}（上一同长期间）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>变化率</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>The last 12 months: repair costs, return shipping, refunds</source>
        <translation>最近 12 个月：维修成本、退货运费、退款</translation>
    </message>
    <message>
        <source>The last 12 periods: repair costs, return shipping, refunds</source>
        <translation>最近 12 个期间：维修成本、退货运费、退款</translation>
    </message>
    <message>
        <source>Period (measures: see sheet {sheet})</source>
        <translation>期间（措施见工作表“{sheet}”）</translation>
    </message>
    <message>
        <source>Units on the items received in the period, by the date each was received.</source>
        <translation>本期间收到的售后品件数，按每件的收货日期计。</translation>
    </message>
    <message>
        <source>Money paid back to customers, by the date it was paid. A refund given by mistake and reversed with the owner&apos;s approval stays listed; its reversal is a negative line of its own (CX…), by the date it was reversed.</source>
        <translation>退还给顾客的金额，按退款日期计。误退并经店长批准冲销的退款仍然列出；其冲销另列一行负数（CX…），按冲销日期计。</translation>
    </message>
    <message>
        <source>Shipping paid on the return orders registered in the period, by the order&apos;s date. With a filter, an order&apos;s shipping is shared over its units.</source>
        <translation>本期间登记的退货单所付运费，按退货单日期计。使用筛选时，一张退货单的运费按件数分摊。</translation>
    </message>
    <message>
        <source>What the shop paid carriers to send repaired units and replacements back to customers, by the day shipped.</source>
        <translation>本店为把修好的商品和换货商品寄给顾客而付给快递公司的运费，按发货日期计。</translation>
    </message>
    <message>
        <source>What repairs cost in the period: labour by the date it was logged (sheet Labour), parts by the date they were used (sheet Parts used), outside fees with the repair&apos;s opening. A repair that runs over two periods is counted in each for the work done in it.</source>
        <translation>本期间发生的维修成本：工时费按登记日期计（见“工时”表），配件按领用日期计（见“配件领用”表），外协费用按维修单开单日期计。跨两个期间的维修单，按各期间内完成的工作分别计入。</translation>
    </message>
    <message>
        <source>Write-offs approved for scrapped units, by the scrap date.</source>
        <translation>已批准的报废核销金额，按报废日期计。</translation>
    </message>
    <message>
        <source>Units handed out in exchange, at the product&apos;s cost, by the date of the exchange.</source>
        <translation>换货时换出的商品，按商品成本、换货日期计。</translation>
    </message>
    <message>
        <source>Refurbished units sold at a discount, by the date sold; subtracted from the cost.</source>
        <translation>翻新后特价售出的商品，按售出日期计；从成本中扣除。</translation>
    </message>
    <message>
        <source>Credit for units sent back to suppliers, by the date shipped; subtracted from the cost.</source>
        <translation>退回供应商的商品所得退款，按发货日期计；从成本中扣除。</translation>
    </message>
    <message>
        <source>The cost lines above added up, resale and supplier credits taken off.</source>
        <translation>以上各项成本相加，扣除再销售收回和供应商退款。</translation>
    </message>
    <message>
        <source>Each figure beside the period of the same length just before this one (a month: the month before; a year: the year before; a range of days: as many days before), from sheet Trend. The change and its % are formulas; a % beside a figure that was 0 reads “new”. A cost that falls is better; a count of units is neither.</source>
        <translation>各项数字与紧接其前的同长期间对比（按月：上个月；按年：上一年；按天数：之前同样天数），取自“趋势”表。变化及变化率均为公式；上期为 0 时变化率显示“新增”。成本下降为好转；件数不分好坏。</translation>
    </message>
    <message>
        <source>The last 12 periods, with the measures noted in each: for a period of a month or less, 12 periods of its length, this one last (its row is formulas over the sheets&apos; totals, as on the summary); for a longer period its last 12 months, then the previous period and this one.</source>
        <translation>最近 12 个期间及各期间记录的措施：一个月及以内的期间，列出 12 个同长期间，本期在最后（该行与汇总表相同，为引用各表合计的公式）；更长的期间列出其最近 12 个月，再列出上期和本期。</translation>
    </message>
    <message>
        <source>Stock at cost</source>
        <translation>库存成本</translation>
    </message>
    <message>
        <source>The shop&apos;s own units in each zone at the moment of the export (customers&apos; units in for repair are not the shop&apos;s stock), at each product&apos;s cost. Not narrowed by the filter.</source>
        <translation>导出时各分区中本店自有的商品（顾客送修的商品不属于本店库存），按各商品成本计。不受筛选影响。</translation>
    </message>
    <message>
        <source>Moves into or out of stock by a count or a correction in the period: + found, − missing, valued at the product&apos;s cost. Opening stock is a starting balance, not an adjustment, and is not listed.</source>
        <translation>本期间因盘点或更正而调入或调出库存的数量：+ 为盘盈，− 为盘亏，按商品成本计价。期初库存是起始余额，不属于调整，不列入。</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>What it counts</source>
        <translation>统计口径</translation>
    </message>
    <message>
        <source>Every figure of the summary is a formula over the total row of its sheet, so the two always agree.</source>
        <translation>汇总表中的每个数字都是引用对应工作表合计行的公式，两者始终一致。</translation>
    </message>
    <message>
        <source>Money is in yuan. Dates are the shop&apos;s local time. The period runs from the first day 00:00 to the end of the last day.</source>
        <translation>金额单位为元。日期为本店当地时间。期间从第一天 00:00 起至最后一天结束。</translation>
    </message>
    <message>
        <source>A month at the edge of the period counts only its days inside the period.</source>
        <translation>期间首尾的月份只计入期间内的天数。</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>No after-sales in this period.</source>
        <translation>本期间没有售后记录。</translation>
    </message>
    <message>
        <source>Units returned</source>
        <translation>退回件数</translation>
    </message>
    <message>
        <source>Cost of after-sales</source>
        <translation>售后成本</translation>
    </message>
    <message>
        <source>Scrap write-offs</source>
        <translation>报废核销</translation>
    </message>
    <message>
        <source>Supplier returns</source>
        <translation>退回供应商</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <source>Value at cost</source>
        <translation>成本金额</translation>
    </message>
    <message>
        <source>The shop&apos;s own stock as of {moment}, at cost</source>
        <translation>截至 {moment} 本店自有库存（按成本计）</translation>
    </message>
    <message>
        <source>Customer&apos;s unit (not the shop&apos;s stock)</source>
        <translation>顾客的商品（不属于本店库存）</translation>
    </message>
    <message>
        <source>Replacements at cost</source>
        <translation>换出商品成本</translation>
    </message>
    <message>
        <source>Recovered by resale</source>
        <translation>再销售收回</translation>
    </message>
    <message>
        <source>Credits from suppliers</source>
        <translation>供应商退款</translation>
    </message>
    <message>
        <source>Exported at</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>None: the whole shop</source>
        <translation>无：全店</translation>
    </message>
    <message>
        <source>See sheet {sheet}</source>
        <translation>见工作表“{sheet}”</translation>
    </message>
    <message>
        <source>Total of sheet {sheet}</source>
        <translation>工作表“{sheet}”的合计</translation>
    </message>
    <message>
        <source>Net cost</source>
        <translation>净成本</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Stock at cost as of {moment}</source>
        <translation>截至 {moment} 的库存成本</translation>
    </message>
    <message>
        <source>Stock adjustments at cost (+ found, − missing)</source>
        <translation>库存调整成本（+ 盘盈，− 盘亏）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Units returned per month</source>
        <translation>每月退回件数</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>退款额</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Part used: {part} ×{qty}</source>
        <translation>用了配件：{part} ×{qty}</translation>
    </message>
    <message>
        <source>Hours logged: {hours} h by {technician}</source>
        <translation>记工时：{technician} {hours} 小时</translation>
    </message>
    <message>
        <source>Hours logged: {hours} h</source>
        <translation>记工时：{hours} 小时</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>换出商品</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>{label} {value}</source>
        <translation>{label} {value}</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Stock by zone</source>
        <translation>分区库存</translation>
    </message>
    <message>
        <source>Stock adjustments</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>There is no after-sales item #{id}.</source>
        <translation>没有编号为 #{id} 的售后品。</translation>
    </message>
    <message>
        <source>Choose who you are first (the staff box at the bottom of the window): a refund, an exchange, a scrap or a sale names who did it.</source>
        <translation>请先在窗口底部的“当前员工”中选择您是谁：退款、换货、报废和销售都要记下经手人。</translation>
    </message>
    <message>
        <source>{code} is the shop&apos;s now: the customer has had the refund or the replacement. Handing the unit back as well would leave the customer with both the goods and the money.</source>
        <translation>{code} 现在属于本店：顾客已经拿到了退款或换货。如果再把商品交还顾客，顾客就会既拿到商品又拿到钱。</translation>
    </message>
    <message>
        <source>{code} is the customer&apos;s: the return was settled without a refund or an exchange, so the unit goes back to them, not into the shop&apos;s stock.</source>
        <translation>{code} 属于顾客：这笔退货按不退不换结清，商品应交还顾客，不能进入本店库存。</translation>
    </message>
    <message>
        <source>Item {code} is no longer “{before}”: another PC has just moved it to “{current}”. Nothing was changed here; look at the item again.</source>
        <translation>售后品 {code} 已不再是“{before}”：另一台电脑刚刚把它转到了“{current}”。本机未做任何更改，请重新查看该售后品。</translation>
    </message>
    <message>
        <source>Item {code} is no longer “{before}”: since {time} it is “{current}”. Nothing was changed here; look at the item again.</source>
        <translation>售后品 {code} 已不再是“{before}”：自 {time} 起为“{current}”。本机未做任何更改，请重新查看该售后品。</translation>
    </message>
    <message>
        <source>Item {code} is “{current}” (since {time}); it cannot go to “{target}” from there. Nothing was changed.</source>
        <translation>售后品 {code} 当前为“{current}”（自 {time} 起），不能从这一状态转到“{target}”。未做任何更改。</translation>
    </message>
    <message>
        <source>Write down what the inspection found.</source>
        <translation>请填写检测结果。</translation>
    </message>
    <message>
        <source>Scrapping needs a scrap record: use Scrap.</source>
        <translation>报废需要填写报废记录：请使用“报废”。</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>备注为空。</translation>
    </message>
    <message>
        <source>Days waiting</source>
        <translation>等待天数</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>售后编号</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Return no.</source>
        <translation>退货单号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>销售单</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Not settled</source>
        <translation>未结清</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>列入时间</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <source>Days and months in the policy cannot be negative.</source>
        <translation>政策中的天数和月数不能为负。</translation>
    </message>
    <message>
        <source>The restocking fee is a percentage from 0 to 100.</source>
        <translation>折旧手续费是 0 到 100 之间的百分比。</translation>
    </message>
    <message>
        <source>Unknown reason or resolution in the policy: {names}.</source>
        <translation>政策中有未知的原因或处理方式：{names}。</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <source>Choose a reason, a condition and a resolution.</source>
        <translation>请选择原因、商品状况和处理方式。</translation>
    </message>
    <message>
        <source>No proof of purchase: the owner decides.</source>
        <translation>没有购买凭证：由店长决定。</translation>
    </message>
    <message>
        <source>The policy gives no “{resolution}” for “{reason}”.</source>
        <translation>按政策，“{reason}”不能“{resolution}”。</translation>
    </message>
    <message>
        <source>Bought {days} days ago, within the {limit}-day return period.</source>
        <translation>购买已 {days} 天，在 {limit} 天退货期限内。</translation>
    </message>
    <message>
        <source>Bought {days} days ago, past the {limit}-day return period.</source>
        <translation>购买已 {days} 天，超过 {limit} 天退货期限。</translation>
    </message>
    <message>
        <source>Still within the {limit}-day exchange period.</source>
        <translation>仍在 {limit} 天换货期内。</translation>
    </message>
    <message>
        <source>Opened goods are refunded only with the owner&apos;s approval.</source>
        <translation>已拆封商品退款须经店长批准。</translation>
    </message>
    <message>
        <source>Used goods are refunded only with the owner&apos;s approval.</source>
        <translation>已使用商品退款须经店长批准。</translation>
    </message>
    <message>
        <source>A restocking fee of {pct}% applies.</source>
        <translation>需收取 {pct}% 的折旧手续费。</translation>
    </message>
    <message>
        <source>Bought {days} days ago, within the {limit}-day exchange period.</source>
        <translation>购买已 {days} 天，在 {limit} 天换货期限内。</translation>
    </message>
    <message>
        <source>Bought {days} days ago, past the {limit}-day exchange period.</source>
        <translation>购买已 {days} 天，超过 {limit} 天换货期限。</translation>
    </message>
    <message>
        <source>Within the {months}-month warranty (until {until}).</source>
        <translation>在 {months} 个月保修期内（至 {until}）。</translation>
    </message>
    <message>
        <source>The warranty ended on {until}: the repair is paid by the customer.</source>
        <translation>保修已于 {until} 到期：维修费用由顾客承担。</translation>
    </message>
    <message>
        <source>Damaged goods need the owner&apos;s approval.</source>
        <translation>有损坏的商品须经店长批准。</translation>
    </message>
    <message>
        <source>{code} is already settled with the customer.</source>
        <translation>{code} 已与顾客结清。</translation>
    </message>
    <message>
        <source>{code} is the customer&apos;s own unit in for repair; it is not refunded.</source>
        <translation>{code} 是顾客送修的自有商品，不予退款。</translation>
    </message>
    <message>
        <source>Choose how the money was paid back.</source>
        <translation>请选择退款方式。</translation>
    </message>
    <message>
        <source>A refund must be more than ¥0.00.</source>
        <translation>退款金额必须大于 ¥0.00。</translation>
    </message>
    <message>
        <source>¥{amount} is more than the ¥{limit} the customer paid (less any restocking fee); only the owner can approve that.</source>
        <translation>¥{amount} 超过了顾客实付的 ¥{limit}（已扣除折旧手续费）；只有店长可以批准。</translation>
    </message>
    <message>
        <source>There is no refund #{id}.</source>
        <translation>没有编号为 #{id} 的退款。</translation>
    </message>
    <message>
        <source>Refund {number} of ¥{amount} ({date}) was already reversed by {reversal} on {reversed_on}; a refund is reversed only once.</source>
        <translation>退款单 {number}（¥{amount}，{date}）已于 {reversed_on} 由 {reversal} 冲销；一笔退款只能冲销一次。</translation>
    </message>
    <message>
        <source>Give the reason for reversing refund {number} of ¥{amount} ({date}).</source>
        <translation>请填写冲销退款单 {number}（¥{amount}，{date}）的原因。</translation>
    </message>
    <message>
        <source>Refund {number} of ¥{amount} ({date}) cannot be reversed: since the refund, {code} is “{status}” and can no longer become the customer&apos;s unit again.</source>
        <translation>退款单 {number}（¥{amount}，{date}）无法冲销：退款之后，售后品 {code} 已是“{status}”，不能再归还为顾客的商品。</translation>
    </message>
    <message>
        <source>Refund {number} of ¥{amount} ({date}) is not what settles {code} now, so there is nothing to reverse.</source>
        <translation>退款单 {number}（¥{amount}，{date}）已不是售后品 {code} 现在的结清依据，无可冲销。</translation>
    </message>
    <message>
        <source>Reversing refund {number} of ¥{amount} ({date}) must be approved by the owner.</source>
        <translation>冲销退款单 {number}（¥{amount}，{date}）必须由店长批准。</translation>
    </message>
    <message>
        <source>{code} is the customer&apos;s own unit in for repair; it is not exchanged.</source>
        <translation>{code} 是顾客送修的自有商品，不予换货。</translation>
    </message>
    <message>
        <source>Scan the serial of the replacement {product}.</source>
        <translation>请扫描换出的 {product} 的序列号。</translation>
    </message>
    <message>
        <source>Unit {serial} of {product} is not in sellable stock.</source>
        <translation>{product}（序列号 {serial}）不在可销售库存中。</translation>
    </message>
    <message>
        <source>No replacement in stock: {product} has {available} in sellable stock, {qty} needed.</source>
        <translation>没有可换的库存：{product} 可销售库存只有 {available} 件，需要 {qty} 件。</translation>
    </message>
    <message>
        <source>{code} is no longer in the shop (“{status}”): there is nothing to give back, so the return cannot be settled without a refund or an exchange.</source>
        <translation>{code} 已不在店里（“{status}”）：没有商品可以交还，所以这笔退货不能按不退不换结清。</translation>
    </message>
    <message>
        <source>Write down why nothing is refunded or exchanged.</source>
        <translation>请写明为什么不退款也不换货。</translation>
    </message>
    <message>
        <source>Give the reason for scrapping.</source>
        <translation>请填写报废原因。</translation>
    </message>
    <message>
        <source>Scrapping must be approved by the owner.</source>
        <translation>报废必须由店长批准。</translation>
    </message>
    <message>
        <source>The write-off value cannot be negative.</source>
        <translation>核销金额不能为负。</translation>
    </message>
    <message>
        <source>The supplier&apos;s credit cannot be negative.</source>
        <translation>供应商退款不能为负。</translation>
    </message>
    <message>
        <source>There is no receipt {receipt}.</source>
        <translation>没有单号为 {receipt} 的销售单。</translation>
    </message>
    <message>
        <source>The photo {name} does not exist.</source>
        <translation>照片 {name} 不存在。</translation>
    </message>
    <message>
        <source>{name} is not a photo (JPEG, PNG, GIF, BMP or WebP).</source>
        <translation>{name} 不是照片（支持 JPEG、PNG、GIF、BMP、WebP）。</translation>
    </message>
    <message>
        <source>The photo {name} is larger than 20 MB.</source>
        <translation>照片 {name} 超过 20 MB。</translation>
    </message>
    <message>
        <source>Pick at least one item that is coming back.</source>
        <translation>请至少选择一件退回的商品。</translation>
    </message>
    <message>
        <source>The return shipping cost cannot be negative.</source>
        <translation>退货运费不能为负。</translation>
    </message>
    <message>
        <source>Without a receipt, write down the customer&apos;s name or phone.</source>
        <translation>没有小票时，请填写顾客姓名或电话。</translation>
    </message>
    <message>
        <source>Choose the product that is coming back.</source>
        <translation>请选择退回的商品。</translation>
    </message>
    <message>
        <source>Give the reason why {product} comes back.</source>
        <translation>请填写 {product} 退回的原因。</translation>
    </message>
    <message>
        <source>The quantity of {product} must be at least 1.</source>
        <translation>{product} 的数量至少为 1。</translation>
    </message>
    <message>
        <source>At the counter a unit goes to inspection, the repairable zone or the return-to-supplier list.</source>
        <translation>在柜台登记时，商品只能进入待检测区、可维修区或待退供应商清单。</translation>
    </message>
    <message>
        <source>That line is not on receipt {receipt}.</source>
        <translation>该行不在销售单 {receipt} 上。</translation>
    </message>
    <message>
        <source>{product}: {qty} coming back, but only {available} of the {sold} sold on this receipt can still come back.</source>
        <translation>{product}：要退 {qty} 件，但该单售出的 {sold} 件中只剩 {available} 件可退。</translation>
    </message>
    <message>
        <source>Pick the lines of receipt {receipt} that come back.</source>
        <translation>请勾选销售单 {receipt} 中退回的商品行。</translation>
    </message>
    <message>
        <source>Serial {serial} is listed twice.</source>
        <translation>序列号 {serial} 重复。</translation>
    </message>
    <message>
        <source>Unit {serial} of {product} is already in the shop (“{where}”): it came back on return {number} of {date} (item {code}).</source>
        <translation>{product}（序列号 {serial}）已在店内（“{where}”）：它已于 {date} 随退货单 {number} 退回（售后品 {code}）。</translation>
    </message>
    <message>
        <source>Unit {serial} of {product} is already in the shop (“{where}”).</source>
        <translation>{product}（序列号 {serial}）已在店内（“{where}”）。</translation>
    </message>
    <message>
        <source>The return policy says no for {product}: {why} To go ahead anyway, write the reason for the exception.</source>
        <translation>按退换货政策，{product} 不能办理：{why}如仍要办理，请填写例外原因。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Simple</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>复杂</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Waiting for repair</source>
        <translation>待维修</translation>
    </message>
    <message>
        <source>Repairing</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cannot be repaired</source>
        <translation>无法修复</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Repair no.</source>
        <translation>维修单号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>排程日</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>承诺完成</translation>
    </message>
    <message>
        <source>Days open</source>
        <translation>已开天数</translation>
    </message>
    <message>
        <source>Ready since</source>
        <translation>待取件起</translation>
    </message>
    <message>
        <source>Part code</source>
        <translation>配件编码</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>补货点</translation>
    </message>
    <message>
        <source>Average cost</source>
        <translation>平均成本</translation>
    </message>
    <message>
        <source>Choose the technician&apos;s skill level.</source>
        <translation>请选择技师的技能等级。</translation>
    </message>
    <message>
        <source>A day&apos;s capacity is between 0 and 24 hours.</source>
        <translation>每天产能应在 0 到 24 小时之间。</translation>
    </message>
    <message>
        <source>A technician works on at least one day of the week.</source>
        <translation>技师每周至少工作一天。</translation>
    </message>
    <message>
        <source>The hourly rate cannot be negative.</source>
        <translation>工时费不能为负。</translation>
    </message>
    <message>
        <source>Repair {number} is closed.</source>
        <translation>维修单 {number} 已关闭。</translation>
    </message>
    <message>
        <source>Choose the difficulty and the priority.</source>
        <translation>请选择难度和优先级。</translation>
    </message>
    <message>
        <source>The estimate must be more than 0 hours.</source>
        <translation>预计工时必须大于 0 小时。</translation>
    </message>
    <message>
        <source>Outside fees cannot be negative.</source>
        <translation>外协费用不能为负。</translation>
    </message>
    <message>
        <source>There is no repair order #{id}.</source>
        <translation>没有编号为 #{id} 的维修单。</translation>
    </message>
    <message>
        <source>Repair {number} has already started; it stays where it is.</source>
        <translation>维修单 {number} 已开始维修，不能再调整排程。</translation>
    </message>
    <message>
        <source>Choose both the technician and the day.</source>
        <translation>请同时选择技师和日期。</translation>
    </message>
    <message>
        <source>Choose an active technician.</source>
        <translation>请选择在职的技师。</translation>
    </message>
    <message>
        <source>{name} does not work on {day}.</source>
        <translation>{name} 在 {day} 不上班。</translation>
    </message>
    <message>
        <source>A repair cannot be planned on a day that has passed.</source>
        <translation>不能把维修排到已经过去的日期。</translation>
    </message>
    <message>
        <source>Overdue since {date}</source>
        <translation>自 {date} 起逾期</translation>
    </message>
    <message>
        <source>Under way since {date}</source>
        <translation>自 {date} 起维修中</translation>
    </message>
    <message>
        <source>Complex: needs a specialist</source>
        <translation>复杂维修：需要专家技师</translation>
    </message>
    <message>
        <source>Not a category this technician repairs</source>
        <translation>不是该技师负责的品类</translation>
    </message>
    <message>
        <source>Repair {number} is not waiting to start.</source>
        <translation>维修单 {number} 不在待维修状态。</translation>
    </message>
    <message>
        <source>Repair {number} was never started.</source>
        <translation>维修单 {number} 尚未开始维修。</translation>
    </message>
    <message>
        <source>Hours worked must be more than 0.</source>
        <translation>工时必须大于 0。</translation>
    </message>
    <message>
        <source>More than 24 hours in one entry: split it by day.</source>
        <translation>一次登记超过 24 小时：请按天分开登记。</translation>
    </message>
    <message>
        <source>Choose who did the work.</source>
        <translation>请选择维修人。</translation>
    </message>
    <message>
        <source>Choose a spare part.</source>
        <translation>请选择配件。</translation>
    </message>
    <message>
        <source>The quantity must be at least 1.</source>
        <translation>数量至少为 1。</translation>
    </message>
    <message>
        <source>Only {available} × {part} in the parts store; {qty} asked.</source>
        <translation>配件库只有 {available} 个{part}，需要 {qty} 个。</translation>
    </message>
    <message>
        <source>Repair cost ¥{cost} is more than {pct}% of the ¥{value} the unit should fetch: is it worth repairing?</source>
        <translation>维修成本 ¥{cost} 已超过该商品预计售价 ¥{value} 的 {pct}%：还值得修吗？</translation>
    </message>
    <message>
        <source>A spare part needs a code and a name.</source>
        <translation>配件需要编码和名称。</translation>
    </message>
    <message>
        <source>The reorder level cannot be negative.</source>
        <translation>补货点不能为负。</translation>
    </message>
    <message>
        <source>{sku} is already a product for sale.</source>
        <translation>{sku} 已是销售商品。</translation>
    </message>
    <message>
        <source>Like new, no visible signs of use</source>
        <translation>近乎全新，无明显使用痕迹</translation>
    </message>
    <message>
        <source>Light signs of use or small scratches</source>
        <translation>轻微使用痕迹或细小划痕</translation>
    </message>
    <message>
        <source>Visible cosmetic flaws, works perfectly</source>
        <translation>外观有明显瑕疵，功能完好</translation>
    </message>
    <message>
        <source>Clearance shelf in the shop</source>
        <translation>店内特价区</translation>
    </message>
    <message>
        <source>Online shop (特价商品)</source>
        <translation>网店特价商品</translation>
    </message>
    <message>
        <source>A checklist needs at least one check.</source>
        <translation>检测清单至少需要一项。</translation>
    </message>
    <message>
        <source>To the fen (¥77.46)</source>
        <translation>精确到分（¥77.46）</translation>
    </message>
    <message>
        <source>To ¥0.10 (¥77.50)</source>
        <translation>精确到角（¥77.50）</translation>
    </message>
    <message>
        <source>To the yuan (¥77)</source>
        <translation>取整到元（¥77）</translation>
    </message>
    <message>
        <source>Ending in 9 (¥79, ¥129; under ¥10: ¥4.90)</source>
        <translation>尾数为 9（¥79、¥129；¥10 以下：¥4.90）</translation>
    </message>
    <message>
        <source>Shares of the new price are percentages from 1 to 100.</source>
        <translation>占新品价格的比例应为 1 到 100 之间的百分比。</translation>
    </message>
    <message>
        <source>Grade A must fetch at least as much as B, and B as C.</source>
        <translation>A 级价格不能低于 B 级，B 级不能低于 C 级。</translation>
    </message>
    <message>
        <source>Choose how the suggested price is rounded.</source>
        <translation>请选择建议售价的取整方式。</translation>
    </message>
    <message>
        <source>Choose the grade: A, B or C.</source>
        <translation>请选择成色等级：A、B 或 C。</translation>
    </message>
    <message>
        <source>This unit was returned by a customer ({reason}) and checked by the shop.</source>
        <translation>本商品为顾客退回商品（原因：{reason}），已经本店检测。</translation>
    </message>
    <message>
        <source>Fault found: {fault}.</source>
        <translation>检测发现：{fault}。</translation>
    </message>
    <message>
        <source>Repaired: {what}.</source>
        <translation>已维修：{what}。</translation>
    </message>
    <message>
        <source>Parts replaced: {parts}.</source>
        <translation>更换配件：{parts}。</translation>
    </message>
    <message>
        <source>Grade {grade}: {meaning}.</source>
        <translation>成色 {grade} 级：{meaning}。</translation>
    </message>
    <message>
        <source>Remaining flaws: {flaws}.</source>
        <translation>现存瑕疵：{flaws}。</translation>
    </message>
    <message>
        <source>This needs the owner&apos;s approval.</source>
        <translation>此操作需要店长批准。</translation>
    </message>
    <message>
        <source>{code} is not waiting for a quality check.</source>
        <translation>{code} 不在待质检状态。</translation>
    </message>
    <message>
        <source>Go through the checklist first.</source>
        <translation>请先逐项完成检测清单。</translation>
    </message>
    <message>
        <source>{count} check(s) failed ({checks}): send the unit back to repair or scrap it.</source>
        <translation>有 {count} 项检测不合格（{checks}）：请送回维修或报废。</translation>
    </message>
    <message>
        <source>The price must be more than ¥0.00.</source>
        <translation>价格必须大于 ¥0.00。</translation>
    </message>
    <message>
        <source>Choose where it is sold.</source>
        <translation>请选择销售渠道。</translation>
    </message>
    <message>
        <source>Write what the buyer is told about the unit&apos;s history.</source>
        <translation>请写明要告知买家的商品经历。</translation>
    </message>
    <message>
        <source>¥{price} is below the floor of ¥{floor}; only the owner can approve that.</source>
        <translation>¥{price} 低于底价 ¥{floor}；只有店长可以批准。</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <translation>{first}、{second}</translation>
    </message>
    <message>
        <source>{check} ({note})</source>
        <translation>{check}（{note}）</translation>
    </message>
    <message>
        <source>Failed: {checks}.</source>
        <translation>未通过：{checks}。</translation>
    </message>
    <message>
        <source>Every check passed: the unit passes.</source>
        <translation>所有检测项均合格：该商品应判定为合格。</translation>
    </message>
    <message>
        <source>{code} is not on the resale shelf.</source>
        <translation>{code} 不在特价区。</translation>
    </message>
    <message>
        <source>{code} has already been sold.</source>
        <translation>{code} 已经售出。</translation>
    </message>
    <message>
        <source>{code} has not passed its quality check; it cannot be resold.</source>
        <translation>{code} 未通过质检，不能再销售。</translation>
    </message>
    <message>
        <source>Tell the buyer the unit&apos;s history and tick “told the customer” before the sale.</source>
        <translation>请先向买家说明商品经历，并勾选“已告知顾客”后再销售。</translation>
    </message>
    <message>
        <source>{code} is still the customer&apos;s: the return was settled without a refund or an exchange, so the unit is theirs to take back, not the shop&apos;s to sell.</source>
        <translation>{code} 仍属于顾客：这笔退货是按不退不换结清的，商品应由顾客取回，本店不能再销售。</translation>
    </message>
    <message>
        <source>{code}: the customer&apos;s refund is not paid yet. Pay the refund first; until then the unit is still the customer&apos;s and cannot be sold.</source>
        <translation>{code}：顾客的退款尚未支付。请先退款；在此之前这件商品仍属于顾客，不能再销售。</translation>
    </message>
    <message>
        <source>{code}: the customer&apos;s return is not settled yet (the exchange is not handed over). Settle it first; until then the unit is still the customer&apos;s and cannot be sold.</source>
        <translation>{code}：顾客的退货尚未结清（换货还没交给顾客）。请先结清；在此之前这件商品仍属于顾客，不能再销售。</translation>
    </message>
    <message>
        <source>{product} {model} (refurbished, grade {grade})</source>
        <translation>{product} {model}（翻新品，成色 {grade} 级）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>成色</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>新品价</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>信息披露</translation>
    </message>
    <message>
        <source>Online listings</source>
        <translation>网店特价商品</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>The workbook could not be written to {path}: {reason}</source>
        <translation>工作簿无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>The period starts ({start}) after it ends ({end}).</source>
        <translation>期间的开始日期（{start}）晚于结束日期（{end}）。</translation>
    </message>
    <message>
        <source>A spike is a period with at least 3 units, more than the mean of the {window} periods before it plus two standard deviations, and at least half as many again as that mean (needs 3 periods of history).</source>
        <translation>异常高峰：该期间至少 3 件，超过前 {window} 个期间平均值加两倍标准差，且至少是该平均值的 1.5 倍（需要至少 3 个期间的历史）。</translation>
    </message>
    <message>
        <source>Shop Aftersales is already open on this data folder (process {pid} on {host}). Switch to that window, or close it first.</source>
        <translation>售后管家已经在使用这个数据文件夹（计算机 {host} 上的进程 {pid}）。请切换到那个窗口，或先将其关闭。</translation>
    </message>
    <message>
        <source>Restored {name} (taken {taken}); there was no database before.</source>
        <translation>已恢复 {name}（备份于 {taken}）；此前没有数据库。</translation>
    </message>
    <message>
        <source>Restored {name} (taken {taken}). The database as it was before is kept as the backup {safety}.</source>
        <translation>已恢复 {name}（备份于 {taken}）。恢复前的数据库已保存为备份 {safety}。</translation>
    </message>
    <message>
        <source>The backup was given up: the database stayed locked for more than {seconds} seconds (is the file read-only, or open in another program?). Nothing was backed up.</source>
        <translation>备份已放弃：数据库锁定超过 {seconds} 秒（文件是否只读，或被其他程序打开？）。未做备份。</translation>
    </message>
    <message>
        <source>The backup failed its integrity check ({detail}).</source>
        <translation>备份未通过完整性检查（{detail}）。</translation>
    </message>
    <message>
        <source>The backup could not be written to {folder}: {reason}</source>
        <translation>无法把备份写入 {folder}：{reason}</translation>
    </message>
    <message>
        <source>Backed up to {path}, but not to the second folder {second} ({reason}). Is the drive plugged in?</source>
        <translation>已备份到 {path}，但未能备份到第二个文件夹 {second}（{reason}）。U 盘插好了吗？</translation>
    </message>
    <message>
        <source>There is no backup file {path}. Nothing was changed.</source>
        <translation>没有备份文件 {path}，未作任何改动。</translation>
    </message>
    <message>
        <source>{name} is not a sound Shop Aftersales backup: the file is empty (0 bytes). Nothing was changed.</source>
        <translation>{name} 不是完好的售后管家备份：文件是空的（0 字节）。未作任何改动。</translation>
    </message>
    <message>
        <source>{name} is not a sound Shop Aftersales backup to restore now: another program kept it locked while it was being read. Close that program (a backup or synchronisation tool, a database viewer) and try again. Nothing was changed.</source>
        <translation>{name} 现在无法恢复：读取时它被其他程序锁定。请关闭该程序（备份或同步工具、数据库查看器）后重试。未作任何改动。</translation>
    </message>
    <message>
        <source>{name} is not a sound Shop Aftersales backup: it is an empty database without any shop in it. Nothing was changed.</source>
        <translation>{name} 不是完好的售后管家备份：它是一个没有任何店铺数据的空数据库。未作任何改动。</translation>
    </message>
    <message>
        <source>{name} is not a sound Shop Aftersales backup: it is damaged, or not a database at all (SQLite&apos;s check of it failed). Nothing was changed; choose an older backup.</source>
        <translation>{name} 不是完好的售后管家备份：文件已损坏，或根本不是数据库（SQLite 检查未通过）。未作任何改动；请选择更早的备份。</translation>
    </message>
    <message>
        <source>{name} could not be read for restoring: the file or its drive cannot be read (is the drive still plugged in?). Nothing was changed.</source>
        <translation>无法读取 {name} 进行恢复：文件或其所在磁盘无法读取（U 盘还插着吗？）。未作任何改动。</translation>
    </message>
    <message>
        <source>{name} could not be read for restoring: you are not allowed to read this file. Copy it into a folder of your own, or ask whoever made it. Nothing was changed.</source>
        <translation>无法读取 {name} 进行恢复：您没有读取此文件的权限。请把它复制到您自己的文件夹，或联系文件的制作者。未作任何改动。</translation>
    </message>
    <message>
        <source>{name} could not be brought up to this version of Shop Aftersales; nothing was changed. What went wrong is written in the log file.</source>
        <translation>{name} 无法升级到此版本的售后管家；未作任何改动。出错详情已写入日志文件。</translation>
    </message>
    <message>
        <source>The restored database {name} did not open; the shop&apos;s database was put back as it was. What went wrong is written in the log file.</source>
        <translation>恢复的数据库 {name} 无法打开；店铺数据库已还原为原样。出错详情已写入日志文件。</translation>
    </message>
    <message>
        <source>The restored database {name} did not open: {reason} The shop&apos;s database was put back as it was.</source>
        <translation>恢复的数据库 {name} 无法打开：{reason}店铺数据库已还原为原样。</translation>
    </message>
    <message>
        <source>{name} was made by a newer version of Shop Aftersales (schema {unknown}). Install that version to restore it. Nothing was changed.</source>
        <translation>{name} 由更新版本的售后管家生成（结构 {unknown}）。请安装该版本后再恢复，未作任何改动。</translation>
    </message>
    <message>
        <source>{name} is a database of another program, not a Shop Aftersales backup; nothing was changed.</source>
        <translation>{name} 是其他程序的数据库，不是售后管家的备份，未作任何改动。</translation>
    </message>
    <message>
        <source>{name} is the shop&apos;s database itself, not a backup. Nothing was changed.</source>
        <translation>{name} 就是店铺数据库本身，不是备份，未作任何改动。</translation>
    </message>
    <message>
        <source>The shop&apos;s database is still in use by another program; nothing was changed. Close it and try again.</source>
        <translation>店铺数据库仍被其他程序使用，未作任何改动。请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>There is no stock count #{id}.</source>
        <translation>没有编号为 #{id} 的盘点单。</translation>
    </message>
    <message>
        <source>Stock count {number} is already closed.</source>
        <translation>盘点单 {number} 已结束。</translation>
    </message>
    <message>
        <source>Choose at least one zone to count.</source>
        <translation>请至少选择一个要盘点的库区。</translation>
    </message>
    <message>
        <source>A counted quantity cannot be negative.</source>
        <translation>盘点数量不能为负。</translation>
    </message>
    <message>
        <source>That line is not part of this count.</source>
        <translation>该行不属于本次盘点。</translation>
    </message>
    <message>
        <source>A serialised unit is there (1) or not (0).</source>
        <translation>按序列号管理的商品只能是在（1）或不在（0）。</translation>
    </message>
    <message>
        <source>{serial} is a customer&apos;s unit in for repair ({code}): customers&apos; units are not the shop&apos;s stock and are not counted.</source>
        <translation>{serial} 是顾客送修的商品（{code}）：顾客的商品不是本店库存，不参加盘点。</translation>
    </message>
    <message>
        <source>Nothing has the code {code}.</source>
        <translation>没有编码为 {code} 的商品或序列号。</translation>
    </message>
    <message>
        <source>{serial} was not expected here: the ledger has it in “{place}”. Posting the count brings it here{approval}.</source>
        <translation>{serial} 本不应在这里：库存流水显示它在“{place}”。过账后它会记到这里{approval}。</translation>
    </message>
    <message>
        <source>, with the owner&apos;s approval</source>
        <translation>（需店长批准）</translation>
    </message>
    <message>
        <source>{product} is counted unit by unit: scan each serial.</source>
        <translation>{product} 需逐件盘点：请扫描每一件的序列号。</translation>
    </message>
    <message>
        <source>Give the reason for the adjustments.</source>
        <translation>请填写调整原因。</translation>
    </message>
    <message>
        <source>{count} line(s) are not counted yet: enter 0 for what is not there.</source>
        <translation>还有 {count} 行未盘点：没有的请填 0。</translation>
    </message>
    <message>
        <source>Stock of {product} in “{zone}” moved since the count began; count it again.</source>
        <translation>盘点开始后“{zone}”中的 {product} 库存有变动，请重新盘点。</translation>
    </message>
    <message>
        <source>Unit {serial} of {product} was found here, but the ledger has it with “{place}”. Taking it back into stock needs the owner&apos;s approval.</source>
        <translation>{product} 的 {serial} 在这里找到了，但库存流水显示它在“{place}”。把它收回库存需要店长批准。</translation>
    </message>
    <message>
        <source>Unit {serial} was found in “{zone}”, but it is after-sales item {code} ({status}). Move it on its ID card, not by a count.</source>
        <translation>{serial} 在“{zone}”找到，但它是售后品 {code}（{status}）。请在它的售后档案里处理，不要用盘点移动。</translation>
    </message>
    <message>
        <source>{counted} of {product} were counted in “{zone}”, more than the shop&apos;s {expected}; {theirs} customers&apos; unit(s) in for repair are there too and are not counted. Count only the shop&apos;s and post again.</source>
        <translation>“{zone}”盘到 {counted} 件 {product}，比本店的 {expected} 件多；那里还有 {theirs} 件顾客送修的商品，不参加盘点。请只盘本店的，再过账。</translation>
    </message>
    <message>
        <source>{missing} of {product} are missing in “{zone}”, but they belong to after-sales item {code} of {qty} units. Settle it on its ID card, or count again.</source>
        <translation>“{zone}”缺少 {missing} 件 {product}，但它们属于售后品 {code}（共 {qty} 件）。请在它的售后档案里处理，或重新盘点。</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Every 2 weeks</source>
        <translation>每两周</translation>
    </message>
    <message>
        <source>Monthly (every 30 days)</source>
        <translation>每月（每 30 天）</translation>
    </message>
    <message>
        <source>Quarterly (every 90 days)</source>
        <translation>每季度（每 90 天）</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>未安排</translation>
    </message>
    <message>
        <source>Every {days} days</source>
        <translation>每 {days} 天</translation>
    </message>
    <message>
        <source>There is no zone “{zone}” to count.</source>
        <translation>没有可盘点的库区“{zone}”。</translation>
    </message>
    <message>
        <source>A zone is counted every 1 to {most} days (0: not scheduled).</source>
        <translation>库区的盘点周期为 1 至 {most} 天（0 表示不安排）。</translation>
    </message>
    <message>
        <source>Count schedule: {zone}</source>
        <translation>盘点计划：{zone}</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>库区</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>账面数</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数</translation>
    </message>
    <message>
        <source>No supplier</source>
        <translation>无供应商</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{reason} {units}</source>
        <translation>{reason} {units} 件</translation>
    </message>
    <message>
        <source>Units sold</source>
        <translation>售出件数</translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation>退货率</translation>
    </message>
    <message>
        <source>Main reasons</source>
        <translation>主要原因</translation>
    </message>
    <message>
        <source>Repair cost</source>
        <translation>维修成本</translation>
    </message>
    <message>
        <source>Credits received</source>
        <translation>供应商退款</translation>
    </message>
    <message>
        <source>Open supplier returns</source>
        <translation>待退供应商件数</translation>
    </message>
    <message>
        <source>Oldest open (days)</source>
        <translation>最久待退（天）</translation>
    </message>
    <message>
        <source>Supplier scorecard</source>
        <translation>供应商评估表</translation>
    </message>
    <message>
        <source>Supplier scorecard {start} to {end}; open supplier returns as of {day}</source>
        <translation>供应商评估表 {start} 至 {end}；待退供应商截至 {day}</translation>
    </message>
    <message>
        <source>With the expected quantities.</source>
        <translation>含账面数。</translation>
    </message>
    <message>
        <source>Blind count: write what you find (0 for what is not there).</source>
        <translation>盲盘：按实物填写数量（没有的填 0）。</translation>
    </message>
    <message>
        <source>Stock count {number} · {zones}</source>
        <translation>盘点单 {number} · {zones}</translation>
    </message>
    <message>
        <source>{shop} · started {started} · printed {printed} · {lines} line(s). {how}</source>
        <translation>{shop} · 开始于 {started} · 打印于 {printed} · 共 {lines} 行。{how}</translation>
    </message>
    <message>
        <source>Counted by ____________________    Date ______________    Checked by ____________________</source>
        <translation>盘点人 ____________________    日期 ______________    复核人 ____________________</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN 码为 4 到 8 位数字。</translation>
    </message>
    <message>
        <source>{seconds} seconds</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} minutes</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>Choose who you are.</source>
        <translation>请选择您是谁。</translation>
    </message>
    <message>
        <source>Too many wrong PINs for {name}: the PIN is not checked for now. Try again in {wait}.</source>
        <translation>{name} 的 PIN 码错误次数太多，暂不核对。请 {wait}后再试。</translation>
    </message>
    <message>
        <source>Wrong PIN for {name}. After {count} wrong PINs in a row the next try must wait {wait}.</source>
        <translation>{name} 的 PIN 码不正确。已连续错 {count} 次，须等 {wait}才能再试。</translation>
    </message>
    <message>
        <source>This needs the owner&apos;s PIN: type it when asked (in a terminal), or set SHOP_AFTERSALES_OWNER_PIN for a scheduled job. Nothing was changed.</source>
        <translation>此操作需要店长的 PIN 码：请在终端提示时输入，定时任务请设置 SHOP_AFTERSALES_OWNER_PIN。未作任何改动。</translation>
    </message>
    <message>
        <source>Wrong PIN for {name}.</source>
        <translation>{name} 的 PIN 码不正确。</translation>
    </message>
    <message>
        <source>The owner&apos;s PIN was not accepted ({reason}). Nothing was changed.</source>
        <translation>店长的 PIN 码未通过（{reason}），未作任何改动。</translation>
    </message>
    <message>
        <source>Give the staff member&apos;s name.</source>
        <translation>请填写员工姓名。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <source>There is already a staff member called {name}.</source>
        <translation>已有名为 {name} 的员工。</translation>
    </message>
    <message>
        <source>The shop must keep at least one active owner.</source>
        <translation>店里必须至少保留一位在职店长。</translation>
    </message>
    <message>
        <source>First answer to a return (0 = the same day)</source>
        <translation>首次答复退货（0 = 当天）</translation>
    </message>
    <message>
        <source>Inspection and quality check within</source>
        <translation>检测和质检时限</translation>
    </message>
    <message>
        <source>Refund paid within</source>
        <translation>退款支付时限</translation>
    </message>
    <message>
        <source>Remind the customer to pick up after</source>
        <translation>提醒顾客取件（待取满）</translation>
    </message>
    <message>
        <source>Too long in any zone after</source>
        <translation>在任一区域停留过久（超过）</translation>
    </message>
    <message>
        <source>Confirm a parcel to the customer was delivered within</source>
        <translation>寄给顾客的快递确认签收时限</translation>
    </message>
    <message>
        <source>[{shop}] Hello {name}, we have received your {item} (no. {code}) and will get back to you soon. Tel. {shop_phone}</source>
        <translation>【{shop}】{name}您好，您的{item}（编号 {code}）我们已收到，会尽快给您答复。电话 {shop_phone}</translation>
    </message>
    <message>
        <source>[{shop}] Hello {name}, your {item} (no. {code}) is ready. Please pick it up at the shop with your slip. Tel. {shop_phone}</source>
        <translation>【{shop}】{name}您好，您的{item}（编号 {code}）已处理好，请凭单据到店取回。电话 {shop_phone}</translation>
    </message>
    <message>
        <source>[{shop}] Hello {name}, the refund for your {item} (no. {code}) has been paid. Tel. {shop_phone}</source>
        <translation>【{shop}】{name}您好，您的{item}（编号 {code}）退款已支付，请注意查收。电话 {shop_phone}</translation>
    </message>
    <message>
        <source>[{shop}] Hello {name}, your {item} (no. {code}) is on its way: {carrier}, tracking no. {tracking}. Tel. {shop_phone}</source>
        <translation>【{shop}】{name}您好，您的{item}（编号 {code}）已寄出：{carrier}，快递单号 {tracking}。电话 {shop_phone}</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Inspect {code} · {product}</source>
        <translation>检测 {code} · {product}</translation>
    </message>
    <message>
        <source>Tell {customer} that {code} was received</source>
        <translation>告知{customer}：{code} 已收到</translation>
    </message>
    <message>
        <source>Quality check {code} · {product}</source>
        <translation>质检 {code} · {product}</translation>
    </message>
    <message>
        <source>Repair {number} · {product}</source>
        <translation>维修 {number} · {product}</translation>
    </message>
    <message>
        <source>{customer}&apos;s {product} is ready: ask them to pick it up</source>
        <translation>{customer}的{product}已修好：提醒取件</translation>
    </message>
    <message>
        <source>The customer&apos;s {product} is ready: ask them to pick it up</source>
        <translation>顾客的{product}已处理好：请通知顾客取件</translation>
    </message>
    <message>
        <source>Pay the refund for {code} · {product}</source>
        <translation>支付退款 {code} · {product}</translation>
    </message>
    <message>
        <source>Exchange {code}: no {product} in stock; order one</source>
        <translation>换货 {code}：{product} 无库存，请订货</translation>
    </message>
    <message>
        <source>Tell {customer} the refund for {code} was paid</source>
        <translation>告知{customer}：{code} 的退款已支付</translation>
    </message>
    <message>
        <source>{code} has been “{status}” for {days} days</source>
        <translation>{code} 已处于“{status}”{days} 天</translation>
    </message>
    <message>
        <source>…and {count} more units “{status}” for over {days} days</source>
        <translation>……另有 {count} 件处于“{status}”超过 {days} 天</translation>
    </message>
    <message>
        <source>Count “{zone}”: due every {days} days, last counted {date} ({number})</source>
        <translation>盘点“{zone}”：每 {days} 天一次，上次盘点 {date}（{number}）</translation>
    </message>
    <message>
        <source>Count “{zone}”: due every {days} days, never counted yet</source>
        <translation>盘点“{zone}”：每 {days} 天一次，尚未盘点过</translation>
    </message>
    <message>
        <source>No product matches “{text}”: pick one from the list, or leave the box empty for all products.</source>
        <translation>没有与“{text}”相符的商品：请从列表中选择，或留空表示全部商品。</translation>
    </message>
    <message>
        <source>Page &amp;P of &amp;N</source>
        <translation>第 &amp;P 页，共 &amp;N 页</translation>
    </message>
    <message>
        <source>Text: typed exactly as it is, leading zeros and long numbers kept</source>
        <translation>文本：按原样保存，保留开头的 0 和长数字</translation>
    </message>
    <message>
        <source>Date, e.g. 2026-03-18 or 2026/03/18 14:05</source>
        <translation>日期，如 2026-03-18 或 2026/03/18 14:05</translation>
    </message>
    <message>
        <source>Amount in yuan, e.g. 2999.00</source>
        <translation>金额（元），如 2999.00</translation>
    </message>
    <message>
        <source>Whole number, more than 0</source>
        <translation>大于 0 的整数</translation>
    </message>
    <message>
        <source>是 or 否 (yes or no), from the list</source>
        <translation>从下拉列表中选“是”或“否”</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Columns marked * are required. The notes sheet explains every column.</source>
        <translation>带 * 的列为必填。“说明”工作表解释了每一列。</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>How to fill in this template</source>
        <translation>模板填写说明</translation>
    </message>
    <message>
        <source>One record per row on the first sheet, below the header row; keep the header names (the order of the columns does not matter).</source>
        <translation>在第一个工作表的表头行下方，每行填写一条记录；请保留表头名称（列的顺序不限）。</translation>
    </message>
    <message>
        <source>Row 2 is an example, in grey italics and marked in the last column: write over it or delete it. Left as it is, the import leaves it out.</source>
        <translation>第 2 行是示例（灰色斜体，最后一列有标记）：请改写或删除。原样保留时，导入会略过它。</translation>
    </message>
    <message>
        <source>Code columns (SKU, barcode, receipt, phone, serial, batch) are formatted as text so that leading zeros and long numbers survive. Paste into them with “Paste values” to keep that format.</source>
        <translation>编码类列（商品编码、条码、销售单号、电话、序列号、批次）已设为文本格式，开头的 0 和长数字不会丢失。粘贴时请用“只粘贴数值”，以保留该格式。</translation>
    </message>
    <message>
        <source>A file with any problem imports nothing and lists every problem by row and column: correct the file and import it again.</source>
        <translation>文件有任何问题都不会导入，并会按行、列列出所有问题：改正后请重新导入。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>What goes in it</source>
        <translation>填写内容</translation>
    </message>
    <message>
        <source>Allowed values</source>
        <translation>可选值</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Free notes; not imported. The example row&apos;s mark is here.</source>
        <translation>自由备注，不导入；示例行的标记在此列。</translation>
    </message>
    <message>
        <source>Choose a printer for each kind of printout.</source>
        <translation>请为每种打印件选择打印机。</translation>
    </message>
    <message>
        <source>Return policy</source>
        <translation>退换货政策</translation>
    </message>
    <message>
        <source>Resale rules</source>
        <translation>再销售规则</translation>
    </message>
    <message>
        <source>Promises and messages</source>
        <translation>承诺时限与顾客消息</translation>
    </message>
    <message>
        <source>Backup folders</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Shop details</source>
        <translation>店铺信息</translation>
    </message>
    <message>
        <source>Other settings</source>
        <translation>其他设置</translation>
    </message>
    <message>
        <source>Only the owner can change this: choose the owner and type the owner&apos;s PIN.</source>
        <translation>此项只有店长可以修改：请选择店长并输入店长的 PIN 码。</translation>
    </message>
    <message>
        <source>The document language is Chinese (zh_CN) or English (en).</source>
        <translation>单据语言只能是中文（zh_CN）或英文（en）。</translation>
    </message>
    <message>
        <source>Shipped to the customer</source>
        <translation>已寄给顾客</translation>
    </message>
    <message>
        <source>Delivered to the customer</source>
        <translation>顾客已签收</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未登记）</translation>
    </message>
    <message>
        <source>(no batch)</source>
        <translation>（无批次）</translation>
    </message>
    <message>
        <source>Units sold in the period (by sale date) and how many of them came back, worst first. Flagged: at least {min} units sold and a return rate above the shop&apos;s {rate} for the same sales. Sales imported without a salesperson are one line, never flagged.</source>
        <translation>期间内售出的件数（按销售日期）及其中退回的件数，退货率高的在前。标记条件：售出至少 {min} 件，且退货率高于全店同期销售的 {rate}。未登记销售员的销售单合为一行，不作标记。</translation>
    </message>
    <message>
        <source>Say what the measure was, e.g. “new courier”.</source>
        <translation>请写明措施内容，例如“换快递公司”。</translation>
    </message>
    <message>
        <source>A measure is a short note: at most {limit} characters, this one has {length}.</source>
        <translation>措施应简短：最多 {limit} 个字，此条有 {length} 个字。</translation>
    </message>
    <message>
        <source>The measure&apos;s text holds an invisible or control character; type it again.</source>
        <translation>措施内容含有不可见字符或控制字符，请重新输入。</translation>
    </message>
    <message>
        <source>Give the day the measure took effect.</source>
        <translation>请填写措施生效的日期。</translation>
    </message>
    <message>
        <source>A measure dated {date} is before the year 2000: check the date.</source>
        <translation>措施日期 {date} 早于 2000 年，请检查日期。</translation>
    </message>
    <message>
        <source>That measure is no longer there: someone removed it already.</source>
        <translation>该措施已不存在：已被他人删除。</translation>
    </message>
    <message>
        <source>To import the file, add these salespeople in the app (Settings → Staff and PINs…, or File → Import from Excel…, which offers to create each name or map it to a staff member and remembers it), or write the name of a staff member in the file instead.</source>
        <translation>要导入此文件，请先在软件中添加这些销售员（设置 → 员工与 PIN 码…，或文件 → 从 Excel 导入…，可为每个姓名新建员工或对应到现有员工，并会记住对应关系），或在文件中改写为现有员工的姓名。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; was to be read as a staff member who no longer exists: choose again.</source>
        <translation>“{name}”要对应的员工已不存在：请重新选择。</translation>
    </message>
    <message>
        <source>No staff member is called &apos;{name}&apos; (row(s) {rows}).</source>
        <translation>没有名为“{name}”的员工（第 {rows} 行）。</translation>
    </message>
    <message>
        <source>The salesperson&apos;s name &apos;{name}…&apos; is too long.</source>
        <translation>销售员姓名“{name}…”太长。</translation>
    </message>
    <message>
        <source>New sales staff: {names}.</source>
        <translation>新增销售员：{names}。</translation>
    </message>
    <message>
        <source>Read as staff members, and remembered for the next imports: {mappings}.</source>
        <translation>已对应到员工，并记住供以后导入使用：{mappings}。</translation>
    </message>
    <message>
        <source>Read as staff members for this import: {mappings}.</source>
        <translation>仅本次导入对应到员工：{mappings}。</translation>
    </message>
    <message>
        <source>Read as staff members, as remembered from earlier imports: {mappings}.</source>
        <translation>按以前导入时记住的对应关系读为员工：{mappings}。</translation>
    </message>
    <message>
        <source>{name} → {staff}</source>
        <translation>{name} → {staff}</translation>
    </message>
    <message>
        <source>{code} was already shipped on {date} ({carrier}, tracking no. {tracking}).</source>
        <translation>{code} 已于 {date} 寄出（{carrier}，快递单号 {tracking}）。</translation>
    </message>
    <message>
        <source>The replacement for {code} was handed over on {date}; a replacement is shipped within {days} days of the exchange.</source>
        <translation>{code} 的换货商品已于 {date} 交付；换货商品只能在换货后 {days} 天内寄出。</translation>
    </message>
    <message>
        <source>{code} is already back with the customer: there is nothing left to ship.</source>
        <translation>{code} 已在顾客手中，无需再寄。</translation>
    </message>
    <message>
        <source>{code} is not the customer&apos;s unit to send back: only a customer&apos;s repaired unit, or the replacement handed out in an exchange, is shipped to the customer.</source>
        <translation>{code} 不是要寄回给顾客的商品：只有顾客送修后修好的商品，或换货时换出的商品，才能寄给顾客。</translation>
    </message>
    <message>
        <source>{code} is not ready to go back yet (“{status}”): a customer&apos;s unit is shipped once its repair is finished.</source>
        <translation>{code} 还不能寄回（“{status}”）：顾客的商品维修完成后才能寄出。</translation>
    </message>
    <message>
        <source>The shipping cost “{value}” is not an amount.</source>
        <translation>运费“{value}”不是金额。</translation>
    </message>
    <message>
        <source>The shipping cost cannot be negative (got ¥{value}).</source>
        <translation>运费不能为负数（填的是 ¥{value}）。</translation>
    </message>
    <message>
        <source>Choose or type the carrier.</source>
        <translation>请选择或输入快递公司。</translation>
    </message>
    <message>
        <source>Type the tracking number so the customer and the shop can follow the parcel.</source>
        <translation>请输入快递单号，方便顾客和本店跟踪包裹。</translation>
    </message>
    <message>
        <source>The shipping date {date} is in the future.</source>
        <translation>发货日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <source>The shipping date {date} is before the unit was ready to go ({ready}).</source>
        <translation>发货日期 {date} 早于商品可寄出的日期（{ready}）。</translation>
    </message>
    <message>
        <source>{code} was not shipped: there is no delivery to confirm.</source>
        <translation>{code} 没有寄出，无需确认签收。</translation>
    </message>
    <message>
        <source>The delivery of {code} was already confirmed ({date}).</source>
        <translation>{code} 已确认签收（{date}）。</translation>
    </message>
    <message>
        <source>The delivery date {date} is in the future.</source>
        <translation>签收日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <source>The delivery date {date} is before the parcel was shipped ({shipped}).</source>
        <translation>签收日期 {date} 早于发货日期（{shipped}）。</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>签收日期</translation>
    </message>
    <message>
        <source>Shipping cost</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Tell {customer} that {code} is on its way ({carrier}, tracking no. {tracking})</source>
        <translation>告知{customer}：{code} 已寄出（{carrier}，快递单号 {tracking}）</translation>
    </message>
    <message>
        <source>Shipped, not yet confirmed delivered: {code} · {product} to {customer} ({carrier}, tracking no. {tracking})</source>
        <translation>已寄出、待确认签收：{code} · {product} 寄给{customer}（{carrier}，快递单号 {tracking}）</translation>
    </message>
    <message>
        <source>The connection to the shop&apos;s database was lost. Nothing of this step was saved; what you typed is still here. The app reconnects when the network is back.</source>
        <translation>与店铺数据库的连接已断开。这一步什么都没有保存，您填写的内容都还在。网络恢复后，软件会自动重新连接。</translation>
    </message>
    <message>
        <source>{url} is not a database address. Write it as postgresql://user@server:port/database, e.g. postgresql://shop@192.168.1.10/shop.</source>
        <translation>{url} 不是数据库地址。请写成 postgresql://用户名@服务器:端口/数据库，例如 postgresql://shop@192.168.1.10/shop。</translation>
    </message>
    <message>
        <source>The database server {server} refused the user {user}: the user name or the password is wrong or missing. Enter them under Settings → Database (the password can be kept in this PC&apos;s credential store).</source>
        <translation>数据库服务器 {server} 拒绝了用户 {user}：用户名或密码错误或未填写。请在“设置 → 数据库”中填写（密码可保存在本机的系统凭据库中）。</translation>
    </message>
    <message>
        <source>The database {database} does not exist on the server {server}. Create it first (README: Several PCs, one shop), or check its name under Settings → Database.</source>
        <translation>服务器 {server} 上没有数据库 {database}。请先建立它（见说明文档“多台电脑，一个店铺”），或在“设置 → 数据库”中核对名称。</translation>
    </message>
    <message>
        <source>nothing answers on that port (PostgreSQL is not running there, or a firewall blocks the port)</source>
        <translation>该端口没有响应（那台电脑上的 PostgreSQL 没有运行，或防火墙挡住了该端口）</translation>
    </message>
    <message>
        <source>no answer within {seconds} seconds</source>
        <translation>{seconds} 秒内没有响应</translation>
    </message>
    <message>
        <source>this PC does not know a computer of that name</source>
        <translation>本机找不到这个名字的电脑</translation>
    </message>
    <message>
        <source>something answers on that port, but not as PostgreSQL does (is it the right address and port?)</source>
        <translation>该端口有程序响应，但不是 PostgreSQL（地址和端口对吗？）</translation>
    </message>
    <message>
        <source>the server does not let this PC in (its pg_hba.conf)</source>
        <translation>服务器不允许本机连接（见其 pg_hba.conf）</translation>
    </message>
    <message>
        <source>The shop&apos;s database server {server} cannot be reached: {why}. Is the PC that keeps the data switched on and on the network? Nothing was changed.</source>
        <translation>连不上店铺的数据库服务器 {server}：{why}。存放数据的那台电脑开着并连在网络上吗？未做任何更改。</translation>
    </message>
    <message>
        <source>The shop&apos;s database server {server} cannot be reached ({reason}). Is the PC that keeps the data switched on and on the network? Nothing was changed.</source>
        <translation>连不上店铺的数据库服务器 {server}（{reason}）。存放数据的那台电脑开着并连在网络上吗？未做任何更改。</translation>
    </message>
    <message>
        <source>The database {database} on {server} holds another program&apos;s tables, not a Shop Aftersales shop. It was not changed. Give the shop a database of its own.</source>
        <translation>{server} 上的数据库 {database} 里是其他程序的数据表，不是售后管家的店铺。它没有被改动。请给店铺单独建一个数据库。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Shop Aftersales (schema {unknown}). Install the newer version to open it. Nothing was changed.</source>
        <translation>这个数据库由更新版本的售后管家写入（结构 {unknown}）。请安装新版本后再打开。未做任何更改。</translation>
    </message>
    <message>
        <source>The database {database} on {server} is damaged: its record of upgrades says it is a shop, but tables of the shop are missing ({missing}). It was not changed. Restore the latest backup into an empty database (&apos;shop-aftersales copy-shop&apos;).</source>
        <translation>{server} 上的数据库 {database} 已损坏：升级记录表明它是一个店铺，但缺少店铺的数据表（{missing}）。它没有被改动。请把最近的备份恢复到一个空数据库中（“shop-aftersales copy-shop”）。</translation>
    </message>
    <message>
        <source>The database {database} needs this version&apos;s upgrade first. Open it once with the app (or any command that writes). Nothing was changed.</source>
        <translation>数据库 {database} 需要先按本版本升级。请先用软件（或任一会写入的命令）打开一次。未做任何更改。</translation>
    </message>
    <message>
        <source>Another PC changed the same thing at the same moment; nothing was changed. Try again.</source>
        <translation>另一台电脑同时修改了同一内容，本次未做任何更改。请重试。</translation>
    </message>
    <message>
        <source>{target} already holds a shop ({tables}). Nothing was copied and nothing there was changed. Copy into an empty database or into a new data folder.</source>
        <translation>{target} 里已经有店铺数据（{tables}）。没有复制，那里也没有任何改动。请复制到空数据库或新的数据文件夹。</translation>
    </message>
    <message>
        <source>There is no shop in {source}. Nothing was copied.</source>
        <translation>{source} 里没有店铺数据。没有复制任何内容。</translation>
    </message>
    <message>
        <source>{source} and {target} are the same shop. Nothing was copied.</source>
        <translation>{source} 和 {target} 是同一个店铺的数据。没有复制任何内容。</translation>
    </message>
    <message>
        <source>The shops in {source} and {target} do not have the same tables or columns ({detail}). Nothing was copied; open both with this version of the app first.</source>
        <translation>{source} 和 {target} 的数据表或字段不一致（{detail}）。没有复制任何内容；请先用本版本的软件分别打开两边。</translation>
    </message>
    <message>
        <source>The copy into {target} failed ({reason}). Nothing there was changed.</source>
        <translation>复制到 {target} 失败（{reason}）。那里没有任何改动。</translation>
    </message>
    <message>
        <source>The copy into {target} did not come out the same as {source} ({detail}). Nothing there was changed.</source>
        <translation>复制到 {target} 的结果与 {source} 不一致（{detail}）。那里没有任何改动。</translation>
    </message>
    <message>
        <source>Connected to {server}: the database {database} is empty. The shop is set up in it when the app opens it (or copy this PC&apos;s shop into it with &apos;shop-aftersales copy-shop&apos;).</source>
        <translation>已连接 {server}：数据库 {database} 是空的。软件打开它时会在其中建立店铺（也可以用“shop-aftersales copy-shop”把本机的店铺复制进去）。</translation>
    </message>
    <message>
        <source>Connected to {server}: the database {database} holds the shop “{shop}” with {items} after-sales item(s), written by an older version; it is upgraded when the app opens it.</source>
        <translation>已连接 {server}：数据库 {database} 中有店铺“{shop}”，共 {items} 件售后品，由旧版本写入；软件打开时会自动升级。</translation>
    </message>
    <message>
        <source>Connected to {server}: the database {database} holds the shop “{shop}” with {items} after-sales item(s) and {products} product(s).</source>
        <translation>已连接 {server}：数据库 {database} 中有店铺“{shop}”，共 {items} 件售后品、{products} 种商品。</translation>
    </message>
    <message>
        <source>Connected to {server}: the database {database} holds a shop without a name yet, with {items} after-sales item(s) and {products} product(s).</source>
        <translation>已连接 {server}：数据库 {database} 中有一个尚未命名的店铺，共 {items} 件售后品、{products} 种商品。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot open the shop</source>
        <translation>无法打开店铺数据</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. Nothing you saved is lost; the step you were doing was not saved.</source>
        <translation>程序遇到了意外错误。已保存的数据不会丢失；刚才正在进行的操作未保存。</translation>
    </message>
    <message>
        <source>Details were written to {path}. Please send that file to your support.</source>
        <translation>详细信息已写入 {path}。请将该文件发给技术支持。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <source>Exchange {code}</source>
        <translation>换货 {code}</translation>
    </message>
    <message>
        <source>Hand over the replacement</source>
        <translation>交付换货商品</translation>
    </message>
    <message>
        <source>Replacement:</source>
        <translation>换出商品：</translation>
    </message>
    <message>
        <source>Scan the serial of the replacement unit</source>
        <translation>扫描换出商品的序列号</translation>
    </message>
    <message>
        <source>Serial:</source>
        <translation>序列号：</translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Workbook saved to {path}</source>
        <translation>工作簿已保存到 {path}</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>FinishDialog</name>
    <message>
        <source>Finish {number}</source>
        <translation>完成 {number}</translation>
    </message>
    <message>
        <source>Repaired — to the pickup shelf for the customer</source>
        <translation>已修好 — 放待取件区等顾客来取</translation>
    </message>
    <message>
        <source>Repaired — to the quality check</source>
        <translation>已修好 — 送质检</translation>
    </message>
    <message>
        <source>Cannot be repaired — back to the customer unrepaired</source>
        <translation>无法修复 — 原样交还顾客</translation>
    </message>
    <message>
        <source>Cannot be repaired — scrap it</source>
        <translation>无法修复 — 报废</translation>
    </message>
    <message>
        <source>What was done, or why it cannot be repaired</source>
        <translation>做了什么，或者为什么无法修复</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Scrap approved by (owner):</source>
        <translation>报废批准人（店长）：</translation>
    </message>
    <message>
        <source>Scrap it</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Give it back unrepaired</source>
        <translation>未修复，退还顾客</translation>
    </message>
    <message>
        <source>Finish the repair</source>
        <translation>完成维修</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>Choose what to import and the .xlsx file exported from your till or 进销存 system: one sheet, a header row in Chinese or English, one record per row. A file with any problem imports nothing; a receipt already imported is skipped.</source>
        <translation>选择要导入的内容，以及从收银或进销存系统导出的 .xlsx 文件：一个工作表，一行中文或英文表头，每行一条记录。文件中只要有任何问题，就不会导入任何数据；已导入过的销售单会自动跳过。</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Sales (receipts customers bring back)</source>
        <translation>销售单（顾客退货时凭此查找）</translation>
    </message>
    <message>
        <source>Opening stock per product and zone</source>
        <translation>各商品各库区的期初库存</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>导入内容：</translation>
    </message>
    <message>
        <source>Path of the .xlsx file</source>
        <translation>.xlsx 文件路径</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>The result of the import shows here.</source>
        <translation>导入结果将显示在这里。</translation>
    </message>
    <message>
        <source>Save template…</source>
        <translation>保存模板…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose the Excel file</source>
        <translation>选择 Excel 文件</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The template could not be saved: {reason}</source>
        <translation>模板无法保存：{reason}</translation>
    </message>
    <message>
        <source>Template saved to {path}. Fill in one row per record, keep the header row, and import it here.</source>
        <translation>模板已保存到 {path}。请保留表头行，每行填写一条记录，然后在此导入。</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Reading and checking the file…</source>
        <translation>正在读取并检查文件…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>已导入。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported.</source>
        <translation>已取消。未导入任何数据。</translation>
    </message>
    <message>
        <source>Choose below what each salesperson&apos;s name is, then press Import again.</source>
        <translation>请在下方为每个销售员姓名选择对应方式，然后再次点击“导入”。</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>未导入任何数据：{reason}</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何数据。</translation>
    </message>
    <message>
        <source>Salespeople who are not among the staff</source>
        <translation>不在员工名单中的销售员</translation>
    </message>
    <message>
        <source>Name in the file</source>
        <translation>文件中的姓名</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Read it as</source>
        <translation>对应为</translation>
    </message>
    <message>
        <source>Remember the names mapped to staff members for the next imports</source>
        <translation>记住这些对应关系，以后导入时自动使用</translation>
    </message>
    <message>
        <source>New staff approved by (owner):</source>
        <translation>新增员工批准人（店长）：</translation>
    </message>
    <message>
        <source>Create as a sales staff member</source>
        <translation>新建为销售员</translation>
    </message>
    <message>
        <source>Map to {name} ({role})</source>
        <translation>对应到 {name}（{role}）</translation>
    </message>
    <message>
        <source> – no longer active</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>销售单</translation>
    </message>
    <message>
        <source>opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <source>import template - {what}.xlsx</source>
        <translation>导入模板-{what}.xlsx</translation>
    </message>
</context>
<context>
    <name>InspectDialog</name>
    <message>
        <source>Inspect {code}</source>
        <translation>检测 {code}</translation>
    </message>
    <message>
        <source>Record the inspection</source>
        <translation>记录检测结果</translation>
    </message>
    <message>
        <source>What did the inspection find?</source>
        <translation>检测发现了什么问题？</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>检测结果：</translation>
    </message>
    <message>
        <source>Send it to:</source>
        <translation>转到：</translation>
    </message>
    <message>
        <source>Choose where the unit goes.</source>
        <translation>请选择商品的去向。</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>Receipt no., phone or serial:</source>
        <translation>销售单号、电话或序列号：</translation>
    </message>
    <message>
        <source>Scan the receipt&apos;s barcode or type, then Enter</source>
        <translation>扫描小票条码或输入后按回车</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Without receipt…</source>
        <translation>无小票登记…</translation>
    </message>
    <message>
        <source>Find the sale the goods come from, or register them without a receipt.</source>
        <translation>请先查找商品的原始销售记录，或按无小票登记。</translation>
    </message>
    <message>
        <source>Customer&apos;s name</source>
        <translation>顾客姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <source>Bought elsewhere</source>
        <translation>非本店购买</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <source>Already back</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Returning</source>
        <translation>本次退回</translation>
    </message>
    <message>
        <source>Exception:</source>
        <translation>例外：</translation>
    </message>
    <message>
        <source>When the policy says no and the shop goes ahead: why, and who agreed</source>
        <translation>政策不允许但店里仍要办理时：原因及批准人</translation>
    </message>
    <message>
        <source>Approved by (owner):</source>
        <translation>批准人（店长）：</translation>
    </message>
    <message>
        <source>Return shipping paid by the shop:</source>
        <translation>店铺承担的退货运费：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>The selected unit</source>
        <translation>选中的商品</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>In the customer&apos;s words</source>
        <translation>顾客的原话</translation>
    </message>
    <message>
        <source>What is wrong with it, as seen at the counter</source>
        <translation>柜台初步看到的问题</translation>
    </message>
    <message>
        <source>Fault:</source>
        <translation>故障：</translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation>商品状况：</translation>
    </message>
    <message>
        <source>e.g. box, charger, manual</source>
        <translation>例如：包装盒、充电器、说明书</translation>
    </message>
    <message>
        <source>Accessories:</source>
        <translation>附件：</translation>
    </message>
    <message>
        <source>Customer asks for:</source>
        <translation>顾客要求：</translation>
    </message>
    <message>
        <source>Save and print</source>
        <translation>保存并打印</translation>
    </message>
    <message>
        <source>Goes to:</source>
        <translation>放入：</translation>
    </message>
    <message>
        <source>Customer says:</source>
        <translation>顾客原话：</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Photos:</source>
        <translation>照片：</translation>
    </message>
    <message>
        <source>The selected unit: {product}</source>
        <translation>选中的商品：{product}</translation>
    </message>
    <message>
        <source>Photos of the unit</source>
        <translation>商品照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp)</translation>
    </message>
    <message>
        <source>No sale found for “{text}”. Check the number, or register the goods without a receipt.</source>
        <translation>没有找到“{text}”的销售记录。请核对号码，或按无小票登记。</translation>
    </message>
    <message>
        <source>Which sale?</source>
        <translation>哪一笔销售？</translation>
    </message>
    <message>
        <source>{count} sales match. Choose one:</source>
        <translation>有 {count} 笔销售符合，请选择一笔：</translation>
    </message>
    <message>
        <source>walk-in customer</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>Receipt &lt;b&gt;{receipt}&lt;/b&gt; · {date} ({days} days ago) · {who}</source>
        <translation>销售单 &lt;b&gt;{receipt}&lt;/b&gt; · {date}（{days} 天前）· {who}</translation>
    </message>
    <message>
        <source>Without a receipt: write down who brings it back. The owner decides what the policy cannot.</source>
        <translation>无小票：请登记退货人。政策无法判断的由店长决定。</translation>
    </message>
    <message>
        <source>Everything sold on this line is already back.</source>
        <translation>该行售出的商品已全部退回。</translation>
    </message>
    <message>
        <source>Tick the units that are coming back.</source>
        <translation>请勾选要退回的商品。</translation>
    </message>
    <message>
        <source>{product}: {verdict}</source>
        <translation>{product}：{verdict}</translation>
    </message>
    <message>
        <source>choose a reason</source>
        <translation>请选择原因</translation>
    </message>
    <message>
        <source>Return policy:</source>
        <translation>退换货政策：</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Save the return, then print its slip and item labels on the printers chosen under Settings → Printers (Enter or Ctrl+S).</source>
        <translation>保存退货，并在“设置 → 打印机”中选定的打印机上打印退货单和售后标签（回车或 Ctrl+S）。</translation>
    </message>
    <message>
        <source>The slip is kept at {path}.</source>
        <translation>退货单已保存到 {path}。</translation>
    </message>
    <message>
        <source>The slip could not be kept as PDF: {reason}</source>
        <translation>退货单无法保存为 PDF：{reason}</translation>
    </message>
    <message>
        <source>Saved return {number} with {count} unit(s). {kept}</source>
        <translation>已保存退货单 {number}，共 {count} 项。{kept}</translation>
    </message>
</context>
<context>
    <name>IntakeTab</name>
    <message>
        <source>Filter by item code, product, serial or customer</source>
        <translation>按售后编号、商品、序列号或顾客筛选</translation>
    </message>
    <message>
        <source>Inspect…</source>
        <translation>检测…</translation>
    </message>
    <message>
        <source>ID card</source>
        <translation>售后档案</translation>
    </message>
    <message>
        <source>Filter by return no., customer, phone or receipt</source>
        <translation>按退货单号、顾客、电话或销售单号筛选</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Shipped back…</source>
        <translation>已寄回…</translation>
    </message>
    <message>
        <source>New return</source>
        <translation>退货登记</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>待检测区</translation>
    </message>
    <message>
        <source>Return orders</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>Return to supplier</source>
        <translation>待退供应商</translation>
    </message>
    <message>
        <source>Inspection ({count})</source>
        <translation>待检测（{count}）</translation>
    </message>
    <message>
        <source>Return to supplier ({count})</source>
        <translation>待退供应商（{count}）</translation>
    </message>
</context>
<context>
    <name>ItemActions</name>
    <message>
        <source>There is no owner among the staff to approve it.</source>
        <translation>员工中还没有店长，无人可以批准。</translation>
    </message>
    <message>
        <source>Choose the owner who approves it.</source>
        <translation>请选择批准的店长。</translation>
    </message>
    <message>
        <source>The owner types the owner&apos;s PIN.</source>
        <translation>请店长输入店长 PIN 码。</translation>
    </message>
    <message>
        <source>{code}: {step}</source>
        <translation>{code}：{step}</translation>
    </message>
    <message>
        <source>How and when the customer got it back</source>
        <translation>顾客何时、以何种方式取回</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <source>ID card {code}</source>
        <translation>售后档案 {code}</translation>
    </message>
    <message>
        <source>customer&apos;s own unit, in for repair</source>
        <translation>顾客自有商品，送修</translation>
    </message>
    <message>
        <source>Status: &lt;b&gt;{status}&lt;/b&gt; · Zone: &lt;b&gt;{zone}&lt;/b&gt;</source>
        <translation>状态：&lt;b&gt;{status}&lt;/b&gt; · 库区：&lt;b&gt;{zone}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履历</translation>
    </message>
    <message>
        <source>Stock moves</source>
        <translation>库存流水</translation>
    </message>
    <message>
        <source>Photos ({count})</source>
        <translation>照片（{count}）</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <source>Serial:</source>
        <translation>序列号：</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <source>Bought:</source>
        <translation>购买：</translation>
    </message>
    <message>
        <source>no receipt</source>
        <translation>无小票</translation>
    </message>
    <message>
        <source>{price} per unit</source>
        <translation>单价 {price}</translation>
    </message>
    <message>
        <source>Return order:</source>
        <translation>退货单：</translation>
    </message>
    <message>
        <source>{repair} ({state})</source>
        <translation>{repair}（{state}）</translation>
    </message>
    <message>
        <source>Open the repair order</source>
        <translation>打开维修单</translation>
    </message>
    <message>
        <source>Repair order:</source>
        <translation>维修单：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Fault:</source>
        <translation>故障：</translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation>商品状况：</translation>
    </message>
    <message>
        <source>Accessories:</source>
        <translation>附件：</translation>
    </message>
    <message>
        <source>Customer asks for:</source>
        <translation>顾客要求：</translation>
    </message>
    <message>
        <source>not settled yet</source>
        <translation>尚未结清</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>已结清</translation>
    </message>
    <message>
        <source>settled without refund or exchange</source>
        <translation>已结清（未退款或换货）</translation>
    </message>
    <message>
        <source>With the customer:</source>
        <translation>与顾客：</translation>
    </message>
    <message>
        <source>Policy:</source>
        <translation>政策：</translation>
    </message>
    <message>
        <source>{verdict}. {why}</source>
        <translation>{verdict}。{why}</translation>
    </message>
    <message>
        <source>Exception:</source>
        <translation>例外：</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>检测结果：</translation>
    </message>
    <message>
        <source>Costs so far</source>
        <translation>目前的成本</translation>
    </message>
    <message>
        <source>Refunded:</source>
        <translation>已退款：</translation>
    </message>
    <message>
        <source>Return shipping (share):</source>
        <translation>退货运费（分摊）：</translation>
    </message>
    <message>
        <source>Scrap write-off:</source>
        <translation>报废核销：</translation>
    </message>
    <message>
        <source>Replacement at cost:</source>
        <translation>换出商品成本：</translation>
    </message>
    <message>
        <source>Repairs (labour, parts, fees):</source>
        <translation>维修（工时、配件、外协）：</translation>
    </message>
    <message>
        <source>Shipping to the customer:</source>
        <translation>寄回顾客的运费：</translation>
    </message>
    <message>
        <source>Supplier&apos;s credit:</source>
        <translation>供应商退款：</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>合计：</translation>
    </message>
    <message>
        <source>Refund not yet paid</source>
        <translation>退款尚未支付</translation>
    </message>
    <message>
        <source>Refund:</source>
        <translation>退款：</translation>
    </message>
    <message>
        <source>Recovered by resale:</source>
        <translation>再销售收回：</translation>
    </message>
    <message>
        <source>{amount} gained</source>
        <translation>盈余 {amount}</translation>
    </message>
    <message>
        <source>{amount} lost</source>
        <translation>亏损 {amount}</translation>
    </message>
    <message>
        <source>Refund + shipping + repair − resale:</source>
        <translation>退款 + 运费 + 维修 − 再销售：</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Inspect…</source>
        <translation>检测…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <source>Exchange…</source>
        <translation>换货…</translation>
    </message>
    <message>
        <source>Settle without refund…</source>
        <translation>不退不换结清…</translation>
    </message>
    <message>
        <source>Settle {code} without refund or exchange</source>
        <translation>{code} 不退不换结清</translation>
    </message>
    <message>
        <source>Why nothing is refunded or exchanged</source>
        <translation>不退款也不换货的原因</translation>
    </message>
    <message>
        <source>Reverse the refund…</source>
        <translation>冲销退款…</translation>
    </message>
    <message>
        <source>Ship to the customer…</source>
        <translation>寄给顾客…</translation>
    </message>
    <message>
        <source>Delivered…</source>
        <translation>确认签收…</translation>
    </message>
    <message>
        <source>Copy the “on its way” message</source>
        <translation>复制“已寄出”消息</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>Note on {code}</source>
        <translation>{code} 的备注</translation>
    </message>
    <message>
        <source>Anything worth knowing</source>
        <translation>需要记录的情况</translation>
    </message>
    <message>
        <source>Print label</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <source>Preview label…</source>
        <translation>预览标签…</translation>
    </message>
    <message>
        <source>Print refund slip</source>
        <translation>打印退款单</translation>
    </message>
    <message>
        <source>Preview refund slip…</source>
        <translation>预览退款单…</translation>
    </message>
    <message>
        <source>Print exchange slip</source>
        <translation>打印换货单</translation>
    </message>
    <message>
        <source>Preview exchange slip…</source>
        <translation>预览换货单…</translation>
    </message>
    <message>
        <source>Label {code}</source>
        <translation>标签 {code}</translation>
    </message>
    <message>
        <source>Refund {number} recorded: {amount} paid back by {method}.</source>
        <translation>已登记退款 {number}：{amount}，退款方式：{method}。</translation>
    </message>
    <message>
        <source>Exchange recorded: {product} handed out for {code}.</source>
        <translation>已登记换货：{code} 换出 {product}。</translation>
    </message>
    <message>
        <source>Print the slip for the customer to sign?</source>
        <translation>现在打印单据请顾客签字吗？</translation>
    </message>
    <message>
        <source>Settled with the customer</source>
        <translation>已与顾客办结</translation>
    </message>
    <message>
        <source>A copy is kept at {path}.</source>
        <translation>副本已保存在 {path}。</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不打印</translation>
    </message>
    <message>
        <source>Add a photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp)</translation>
    </message>
</context>
<context>
    <name>ItemsDialog</name>
    <message>
        <source>Item code</source>
        <translation>售后编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Who sold them, which batch…</source>
        <translation>谁卖的、哪个批次…</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>{count} rows</source>
        <translation>{count} 行</translation>
    </message>
</context>
<context>
    <name>LogHoursDialog</name>
    <message>
        <source>Log hours on {number}</source>
        <translation>登记 {number} 的工时</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>维修人：</translation>
    </message>
    <message>
        <source>Hours worked:</source>
        <translation>工时：</translation>
    </message>
    <message>
        <source>What was done:</source>
        <translation>工作内容：</translation>
    </message>
    <message>
        <source>Add a technician first.</source>
        <translation>请先添加维修技师。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”.</source>
        <translation>没有找到“{text}”。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>退货入库</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存分区</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>维修排程</translation>
    </message>
    <message>
        <source>Resale</source>
        <translation>特价再销售</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>分析报表</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Save import &amp;template</source>
        <translation>保存导入模板(&amp;T)</translation>
    </message>
    <message>
        <source>Products…</source>
        <translation>商品…</translation>
    </message>
    <message>
        <source>Sales…</source>
        <translation>销售单…</translation>
    </message>
    <message>
        <source>Opening stock…</source>
        <translation>期初库存…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>操作日志(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Shop settings…</source>
        <translation>店铺设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Pri&amp;nters…</source>
        <translation>打印机(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Database…</source>
        <translation>数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Changes to the settings…</source>
        <translation>设置修改记录(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Return policy…</source>
        <translation>退换货政策(&amp;R)…</translation>
    </message>
    <message>
        <source>S&amp;taff and PINs…</source>
        <translation>员工与 PIN 码(&amp;T)…</translation>
    </message>
    <message>
        <source>R&amp;esale rules…</source>
        <translation>再销售规则(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Promises and messages…</source>
        <translation>承诺时限与顾客消息(&amp;P)…</translation>
    </message>
    <message>
        <source>Count sc&amp;hedule…</source>
        <translation>盘点计划(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>快捷键(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About Shop Aftersales</source>
        <translation>关于售后管家(&amp;A)</translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation>当前员工：</translation>
    </message>
    <message>
        <source>Demo shop, temporary folder: {path}</source>
        <translation>演示店铺（临时文件夹）：{path}</translation>
    </message>
    <message>
        <source>Data: {path}</source>
        <translation>数据：{path}</translation>
    </message>
    <message>
        <source>Shop database: {where}</source>
        <translation>店铺数据库：{where}</translation>
    </message>
    <message>
        <source>{count} waiting for you</source>
        <translation>您有 {count} 项待办</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <source>(no staff yet)</source>
        <translation>（尚无员工）</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>PIN of {name}:</source>
        <translation>{name} 的 PIN 码：</translation>
    </message>
    <message>
        <source>Nothing to save on this page.</source>
        <translation>本页没有要保存的内容。</translation>
    </message>
    <message>
        <source>Choose the return whose slip to print.</source>
        <translation>请先选择要打印退货单的退货记录。</translation>
    </message>
    <message>
        <source>Nothing to print on this page.</source>
        <translation>本页没有可打印的内容。</translation>
    </message>
    <message>
        <source>Shop Aftersales</source>
        <translation>售后管家</translation>
    </message>
    <message>
        <source>Save import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The template could not be saved: {reason}</source>
        <translation>模板无法保存：{reason}</translation>
    </message>
    <message>
        <source>Template saved to {path}</source>
        <translation>模板已保存到 {path}</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used the next time Shop Aftersales starts.</source>
        <translation>新语言将在下次启动售后管家时生效。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Shop Aftersales {version}&lt;/h3&gt;&lt;p&gt;Returns, exchanges, zones, repairs, resale, refunds and stock counts of one shop&apos;s after-sales goods (售后品).&lt;/p&gt;&lt;p&gt;Data folder: {data}&lt;br&gt;SQLite {sqlite} · Qt {qt}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;售后管家 {version}&lt;/h3&gt;&lt;p&gt;管理一家门店的售后品：退货、换货、分区库存、维修、特价再销售、退款和盘点。&lt;/p&gt;&lt;p&gt;数据文件夹：{data}&lt;br&gt;SQLite {sqlite} · Qt {qt}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Shop database: {where}&lt;/p&gt;</source>
        <translation>&lt;p&gt;店铺数据库：{where}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Shop Aftersales</source>
        <translation>关于售后管家</translation>
    </message>
    <message>
        <source>The daily backup failed: {reason}</source>
        <translation>今日自动备份失败：{reason}</translation>
    </message>
    <message>
        <source>Making the daily backup…</source>
        <translation>正在进行今日自动备份…</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>{name} was not restored; the shop is as it was.</source>
        <translation>{name} 未恢复，店铺数据保持原样。</translation>
    </message>
</context>
<context>
    <name>MeasuresPanel</name>
    <message>
        <source>Measures</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>e.g. new courier, supplier dropped</source>
        <translation>例如：换快递公司、停用某供应商</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Note the measure on the chosen day.</source>
        <translation>在所选日期记下该措施。</translation>
    </message>
    <message>
        <source>Type what the measure was first.</source>
        <translation>请先填写措施内容。</translation>
    </message>
    <message>
        <source>Remove the chosen measure from the charts.</source>
        <translation>从图表中删除所选措施。</translation>
    </message>
    <message>
        <source>Choose a measure in the list first.</source>
        <translation>请先在列表中选择一条措施。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Noted by</source>
        <translation>记录人</translation>
    </message>
</context>
<context>
    <name>NoReceiptDialog</name>
    <message>
        <source>Unit without a receipt</source>
        <translation>无小票商品</translation>
    </message>
    <message>
        <source>Type a SKU, barcode or name</source>
        <translation>输入商品编码、条码或名称</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <source>Serial:</source>
        <translation>序列号：</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <source>Price paid per unit:</source>
        <translation>实付单价：</translation>
    </message>
    <message>
        <source>Purchase date known</source>
        <translation>知道购买日期</translation>
    </message>
    <message>
        <source>Bought on:</source>
        <translation>购买日期：</translation>
    </message>
    <message>
        <source>Bought elsewhere</source>
        <translation>非本店购买</translation>
    </message>
    <message>
        <source>Choose the product from the list.</source>
        <translation>请从列表中选择商品。</translation>
    </message>
</context>
<context>
    <name>NoteStepDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Write the note first.</source>
        <translation>请先填写备注。</translation>
    </message>
</context>
<context>
    <name>OwnerApproval</name>
    <message>
        <source>Owner&apos;s PIN</source>
        <translation>店长 PIN 码</translation>
    </message>
    <message>
        <source>Approved by (owner):</source>
        <translation>批准人（店长）：</translation>
    </message>
</context>
<context>
    <name>PartDialog</name>
    <message>
        <source>New spare part</source>
        <translation>新建配件</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Part code:</source>
        <translation>配件编码：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Spec:</source>
        <translation>规格：</translation>
    </message>
    <message>
        <source>Bin (货位):</source>
        <translation>货位：</translation>
    </message>
    <message>
        <source>Reorder at:</source>
        <translation>补货点：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>供应商：</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>The shop&apos;s database {database} on {server} needs the password of the user {user}.</source>
        <translation>{server} 上的店铺数据库 {database} 需要用户 {user} 的密码。</translation>
    </message>
    <message>
        <source>That password was not accepted.</source>
        <translation>密码不正确。</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Remember the password on this PC</source>
        <translation>在本机记住密码</translation>
    </message>
    <message>
        <source>This PC has no credential store, so the password cannot be remembered: it is asked at each start.</source>
        <translation>本机没有系统凭据库，无法记住密码：每次启动时都会询问。</translation>
    </message>
    <message>
        <source>Open the shop</source>
        <translation>打开店铺</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>Return policy</source>
        <translation>退换货政策</translation>
    </message>
    <message>
        <source>Rules for a category…</source>
        <translation>为分类单独设置…</translation>
    </message>
    <message>
        <source>Use the default for it</source>
        <translation>改用全店默认</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Refund within:</source>
        <translation>退货期限：</translation>
    </message>
    <message>
        <source>Exchange within:</source>
        <translation>换货期限：</translation>
    </message>
    <message>
        <source>Warranty (repair):</source>
        <translation>保修期（维修）：</translation>
    </message>
    <message>
        <source>Opened goods can be refunded</source>
        <translation>已拆封商品可以退款</translation>
    </message>
    <message>
        <source>Used goods can be refunded</source>
        <translation>已使用商品可以退款</translation>
    </message>
    <message>
        <source>Restocking fee (reasons not exempt below):</source>
        <translation>折旧手续费（下表未免收的原因）：</translation>
    </message>
    <message>
        <source>What each reason allows</source>
        <translation>各退货原因允许的处理方式</translation>
    </message>
    <message>
        <source>No restocking fee</source>
        <translation>不收折旧手续费</translation>
    </message>
    <message>
        <source>A refund for this reason pays no restocking fee.</source>
        <translation>因此原因退款时，不收折旧手续费。</translation>
    </message>
    <message>
        <source>Faults of the goods (quality, wrong item, transit damage, not as described) are refunded whatever the condition. The restocking fee is not charged for the reasons ticked under “No restocking fee”.</source>
        <translation>商品本身的问题（质量问题、发错货、运输损坏、与描述不符）无论商品状况如何都可退款。勾选了“不收折旧手续费”的原因，退款时不收折旧手续费。</translation>
    </message>
    <message>
        <source>Shop-wide default</source>
        <translation>全店默认</translation>
    </message>
    <message>
        <source>Rules for a category</source>
        <translation>为分类单独设置</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>分类：</translation>
    </message>
</context>
<context>
    <name>PostCountDialog</name>
    <message>
        <source>Post adjustments of {number}</source>
        <translation>过账盘点单 {number} 的调整</translation>
    </message>
    <message>
        <source>Post adjustments</source>
        <translation>过账盘点调整</translation>
    </message>
    <message>
        <source>e.g. monthly count of the resale shelf</source>
        <translation>例如：特价区月度盘点</translation>
    </message>
    <message>
        <source>Reason (kept with each move):</source>
        <translation>原因（记在每条库存流水上）：</translation>
    </message>
    <message>
        <source>the ledger has it with “{place}”</source>
        <translation>库存流水显示在“{place}”</translation>
    </message>
    <message>
        <source>Found here, though the ledger has them outside the shop:</source>
        <translation>在这里找到，但库存流水显示它们不在店里：</translation>
    </message>
    <message>
        <source>Taking them back into stock needs the owner&apos;s approval.</source>
        <translation>把它们收回库存需要店长批准。</translation>
    </message>
    <message>
        <source>Approved by (owner):</source>
        <translation>批准人（店长）：</translation>
    </message>
    <message>
        <source>Give the reason first.</source>
        <translation>请先填写原因。</translation>
    </message>
</context>
<context>
    <name>PrintUi</name>
    <message>
        <source>slips and lists</source>
        <translation>单据和列表</translation>
    </message>
    <message>
        <source>item labels</source>
        <translation>售后标签</translation>
    </message>
    <message>
        <source>shelf labels</source>
        <translation>价签</translation>
    </message>
    <message>
        <source>receipts</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Printer settings…</source>
        <translation>打印机设置…</translation>
    </message>
    <message>
        <source>Nothing was printed: the printer “{printer}” chosen for {kind} under Settings → Printers is not installed on this PC (unplugged, renamed or removed). Print or save a PDF from this preview, or choose another printer.</source>
        <translation>未打印：在“设置 → 打印机”中为{kind}选择的打印机“{printer}”没有安装在这台电脑上（可能已拔出、改名或删除）。请在此预览中打印或另存为 PDF，或另选打印机。</translation>
    </message>
    <message>
        <source>Nothing was printed: this PC has no default printer. Choose the printer for {kind} under Settings → Printers, or print from this preview.</source>
        <translation>未打印：这台电脑没有默认打印机。请在“设置 → 打印机”中为{kind}选择打印机，或在此预览中打印。</translation>
    </message>
    <message>
        <source>Nothing was printed: no printer is installed on this PC. Save it as a PDF from here, or install a printer and choose it under Settings → Printers.</source>
        <translation>未打印：这台电脑没有安装打印机。可在此另存为 PDF，或安装打印机后在“设置 → 打印机”中选择。</translation>
    </message>
    <message>
        <source>“{title}” could not be sent to the printer “{printer}”: {reason} Print or save a PDF from this preview.</source>
        <translation>“{title}”无法发送到打印机“{printer}”：{reason} 请在此预览中打印或另存为 PDF。</translation>
    </message>
    <message>
        <source>“{title}” sent to the printer “{printer}”.</source>
        <translation>已将“{title}”发送到打印机“{printer}”。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved: {reason}</source>
        <translation>PDF 无法保存：{reason}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsDialog</name>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Print buttons print straight to the printer chosen here, without asking; the preview is one click away beside them. These choices are kept on this PC only.</source>
        <translation>点“打印”会直接发送到这里选定的打印机，不再询问；旁边的“预览”按钮可先查看。这些设置只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>No printer is installed on this PC: printing opens the preview instead, from which you can save a PDF.</source>
        <translation>这台电脑没有安装打印机：打印时会打开预览，可从预览另存为 PDF。</translation>
    </message>
    <message>
        <source>A5 slips (return, refund and exchange slips); A4 lists</source>
        <translation>A5 单据（退货单、退款单、换货单）；A4 列表</translation>
    </message>
    <message>
        <source>{width} × {height} mm (size under Settings → Shop settings)</source>
        <translation>{width} × {height} 毫米（尺寸在“设置 → 店铺设置”中修改）</translation>
    </message>
    <message>
        <source>{width} × {height} mm</source>
        <translation>{width} × {height} 毫米</translation>
    </message>
    <message>
        <source>Slips and lists</source>
        <translation>单据和列表</translation>
    </message>
    <message>
        <source>Item labels</source>
        <translation>售后标签</translation>
    </message>
    <message>
        <source>Shelf labels</source>
        <translation>价签</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation>打印机：</translation>
    </message>
    <message>
        <source>{width} mm roll</source>
        <translation>{width} 毫米热敏纸卷</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <source>System default ({printer})</source>
        <translation>系统默认（{printer}）</translation>
    </message>
    <message>
        <source>System default (none set)</source>
        <translation>系统默认（未设置）</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>{printer} (not installed)</source>
        <translation>{printer}（未安装）</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>{printer}, {width} mm roll</source>
        <translation>{printer}，{width} 毫米热敏纸卷</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Item labels</source>
        <translation>售后标签</translation>
    </message>
    <message>
        <source>The printer or PDF file could not be opened.</source>
        <translation>无法打开打印机或 PDF 文件。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Returns and exchanges follow the shop&apos;s return policy and the national rules for returns, exchanges and repairs (三包). Every unit is inspected before the refund, exchange or repair is confirmed; a refund is paid back the way the goods were paid for. Please keep this slip and bring it when you collect a unit or a refund.</source>
        <translation>退换货按本店退换货政策及国家三包规定办理。每件商品经检测后再确认退款、换货或维修；退款按原支付方式退回。请妥善保管本单，取回商品或领取退款时请出示。</translation>
    </message>
    <message>
        <source>Inspected and answered by</source>
        <translation>检测答复期限</translation>
    </message>
    <message>
        <source>Refund due</source>
        <translation>应退金额</translation>
    </message>
    <message>
        <source>{amount}, paid by {date}</source>
        <translation>{amount}，{date} 前退款</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Accessories</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>{verdict}. {why}</source>
        <translation>{verdict}。{why}</translation>
    </message>
    <message>
        <source>Exception approved</source>
        <translation>例外批准</translation>
    </message>
    <message>
        <source>Repair {number} promised by {date}</source>
        <translation>维修单 {number}，承诺 {date} 前修好</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>Return terms</source>
        <translation>退换货条款</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未登记）</translation>
    </message>
    <message>
        <source>No receipt</source>
        <translation>无小票</translation>
    </message>
    <message>
        <source>bought elsewhere</source>
        <translation>非本店购买</translation>
    </message>
    <message>
        <source>Return no.</source>
        <translation>退货单号</translation>
    </message>
    <message>
        <source>Receipt — refurbished goods</source>
        <translation>销售小票 — 翻新商品</translation>
    </message>
    <message>
        <source>Sale no.</source>
        <translation>销售单号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>A receipt roll is 58 mm or 80 mm wide, not {width} mm.</source>
        <translation>小票纸宽应为 58 毫米或 80 毫米，而不是 {width} 毫米。</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>售后编号</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>成色</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Buyer&apos;s signature</source>
        <translation>顾客签名</translation>
    </message>
    <message>
        <source>Continued on the next part ({part} of {parts})</source>
        <translation>接下页（第 {part} 段，共 {parts} 段）</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>About this unit (told to the buyer before the sale):</source>
        <translation>商品说明（售前已告知买家）：</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>小票 {number}</translation>
    </message>
    <message>
        <source>Grade {grade} · new {price}</source>
        <translation>成色 {grade} 级 · 新品 {price}</translation>
    </message>
    <message>
        <source>Full text on the receipt</source>
        <translation>完整说明见小票</translation>
    </message>
    <message>
        <source>Shelf labels</source>
        <translation>价签</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Original sale</source>
        <translation>原销售单</translation>
    </message>
    <message>
        <source>{main}  ({detail})</source>
        <translation>{main}（{detail}）</translation>
    </message>
    <message>
        <source>Amount refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Refund no.</source>
        <translation>退款单号</translation>
    </message>
    <message>
        <source>Paid back by</source>
        <translation>退款方式</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>— (within what the customer paid)</source>
        <translation>—（未超过顾客实付金额）</translation>
    </message>
    <message>
        <source>I have received the refund above.</source>
        <translation>本人已收到上述退款。</translation>
    </message>
    <message>
        <source>Returned unit</source>
        <translation>退回商品</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Exchange of</source>
        <translation>换货售后品</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>换出商品</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>— (allowed by the return policy)</source>
        <translation>—（符合退换货政策）</translation>
    </message>
    <message>
        <source>I have received the replacement above in good order.</source>
        <translation>本人已收到上述换货商品，完好无损。</translation>
    </message>
    <message>
        <source>Handed out in exchange</source>
        <translation>换出商品</translation>
    </message>
    <message>
        <source>Shop copy</source>
        <translation>店铺联</translation>
    </message>
    <message>
        <source>Customer copy</source>
        <translation>顾客联</translation>
    </message>
    <message>
        <source>Refund slip</source>
        <translation>退款单</translation>
    </message>
    <message>
        <source>Exchange slip</source>
        <translation>换货单</translation>
    </message>
    <message>
        <source>Refund slip {number}</source>
        <translation>退款单 {number}</translation>
    </message>
    <message>
        <source>Exchange slip {code}</source>
        <translation>换货单 {code}</translation>
    </message>
    <message>
        <source>Return shipping paid by the shop</source>
        <translation>店铺承担退货运费</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Item code / serial</source>
        <translation>售后编号 / 序列号</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price paid</source>
        <translation>实付单价</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <source>Customer asks for</source>
        <translation>顾客要求</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Return slip</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>Keep this slip. Each unit is tracked by its item code.</source>
        <translation>请妥善保管本单。每件商品均按售后编号跟踪。</translation>
    </message>
    <message>
        <source>Our shop</source>
        <translation>本店</translation>
    </message>
    <message>
        <source>Customer signature</source>
        <translation>顾客签字</translation>
    </message>
    <message>
        <source>Staff signature</source>
        <translation>经办人签字</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Return slip {number}</source>
        <translation>退货单 {number}</translation>
    </message>
    <message>
        <source>Period: {start} to {end}. Open supplier returns as of {day}.</source>
        <translation>期间：{start} 至 {end}。待退供应商截至 {day}。</translation>
    </message>
    <message>
        <source>Supplier scorecard</source>
        <translation>供应商评估表</translation>
    </message>
    <message>
        <source>Supplier scorecard: {supplier}</source>
        <translation>供应商评估表：{supplier}</translation>
    </message>
    <message>
        <source>Units sold</source>
        <translation>售出件数</translation>
    </message>
    <message>
        <source>Units returned (of those sold in the period)</source>
        <translation>退回件数（本期售出的商品中）</translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation>退货率</translation>
    </message>
    <message>
        <source>Return rate of all suppliers</source>
        <translation>全部供应商退货率</translation>
    </message>
    <message>
        <source>Repair cost on these goods (labour, parts, outside fees)</source>
        <translation>该供应商商品的维修成本（工时、配件、外协费用）</translation>
    </message>
    <message>
        <source>Scrap write-offs</source>
        <translation>报废核销</translation>
    </message>
    <message>
        <source>Credits received back</source>
        <translation>供应商退款</translation>
    </message>
    <message>
        <source>Open supplier returns (units)</source>
        <translation>待退供应商（件）</translation>
    </message>
    <message>
        <source>Oldest open return (days waiting)</source>
        <translation>最久待退（已等天数）</translation>
    </message>
    <message>
        <source>Main reasons for returns</source>
        <translation>退货主要原因</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>No returns of the units sold in the period.</source>
        <translation>本期售出的商品没有退货。</translation>
    </message>
    <message>
        <source>No supplier had sales or after-sales in this period.</source>
        <translation>本期没有供应商有销售或售后记录。</translation>
    </message>
    <message>
        <source>No figures for this supplier in this period.</source>
        <translation>该供应商本期没有数据。</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Product {sku}</source>
        <translation>商品 {sku}</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <source>SKU / barcode:</source>
        <translation>商品编码 / 条码：</translation>
    </message>
    <message>
        <source>Category / brand:</source>
        <translation>分类 / 品牌：</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>供应商：</translation>
    </message>
    <message>
        <source>List price / cost:</source>
        <translation>售价 / 成本：</translation>
    </message>
    <message>
        <source>Tracked by serial:</source>
        <translation>按序列号管理：</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>On hand now:</source>
        <translation>当前库存：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Stock moves, newest first:</source>
        <translation>库存流水（最新的在前）：</translation>
    </message>
</context>
<context>
    <name>PromisesDialog</name>
    <message>
        <source>Promises and messages</source>
        <translation>承诺时限与顾客消息</translation>
    </message>
    <message>
        <source>What the shop promises (a queue entry turns late after)</source>
        <translation>本店承诺（超过即标为逾期）</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Simple repair done within:</source>
        <translation>简单维修完成时限：</translation>
    </message>
    <message>
        <source>Complex repair done within:</source>
        <translation>复杂维修完成时限：</translation>
    </message>
    <message>
        <source>Messages to customers</source>
        <translation>发给顾客的消息</translation>
    </message>
    <message>
        <source>These fill in by themselves: {shop} shop name, {shop_phone} shop phone, {name} customer, {item} product, {code} item number.</source>
        <translation>以下内容会自动填入：{shop} 店名，{shop_phone} 店铺电话，{name} 顾客，{item} 商品，{code} 售后编号。</translation>
    </message>
    <message>
        <source>Return received:</source>
        <translation>已收到退货：</translation>
    </message>
    <message>
        <source>Ready to pick up:</source>
        <translation>可以取件：</translation>
    </message>
    <message>
        <source>Refund paid:</source>
        <translation>退款已付：</translation>
    </message>
    <message>
        <source>On its way ({carrier}, {tracking}):</source>
        <translation>已寄出（{carrier}、{tracking}）：</translation>
    </message>
    <message>
        <source>Back to the standard texts</source>
        <translation>恢复标准文字</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>Plan for me</source>
        <translation>自动排程</translation>
    </message>
    <message>
        <source>{planned} of {waiting} unplanned repairs fit into the next two weeks: earliest due date first, each to a technician with the skill and the category who has room that day. Nothing is changed until you apply it.</source>
        <translation>{waiting} 个未排程的维修中有 {planned} 个可以排进未来两周：按承诺日期从早到晚，分给有相应技能和品类、当天还有空余产能的技师。点击“应用”之前不会做任何更改。</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修技师</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>预计工时</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>承诺完成</translation>
    </message>
</context>
<context>
    <name>QualityCheckDialog</name>
    <message>
        <source>Quality check {code}</source>
        <translation>质检 {code}</translation>
    </message>
    <message>
        <source>Findings: {findings}</source>
        <translation>检测结果：{findings}</translation>
    </message>
    <message>
        <source>All pass</source>
        <translation>全部合格</translation>
    </message>
    <message>
        <source>Mark every check as passed</source>
        <translation>将所有检测项标为合格</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检测项</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>All passed</source>
        <translation>全部合格</translation>
    </message>
    <message>
        <source>Onto the resale shelf</source>
        <translation>上特价区</translation>
    </message>
    <message>
        <source>Back to sellable stock</source>
        <translation>回可销售库存</translation>
    </message>
    <message>
        <source>Goes:</source>
        <translation>去向：</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>成色：</translation>
    </message>
    <message>
        <source>Remaining flaws, in plain words</source>
        <translation>现存瑕疵，用大白话写</translation>
    </message>
    <message>
        <source>Flaws:</source>
        <translation>瑕疵：</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>价格：</translation>
    </message>
    <message>
        <source>Sold on:</source>
        <translation>销售渠道：</translation>
    </message>
    <message>
        <source>Disclosure:</source>
        <translation>信息披露：</translation>
    </message>
    <message>
        <source>Below the floor, approved by:</source>
        <translation>低于底价时的批准人：</translation>
    </message>
    <message>
        <source>A check failed</source>
        <translation>有检测项不合格</translation>
    </message>
    <message>
        <source>Back to repair</source>
        <translation>返修</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>For the technician (optional): the failed checks are named already</source>
        <translation>给维修技师的说明（选填）：不合格的检测项已自动列出</translation>
    </message>
    <message>
        <source>This category has no checklist: set one in Settings → Resale rules.</source>
        <translation>此品类没有质检清单：请在“设置 → 再销售规则”中设置。</translation>
    </message>
    <message>
        <source>Mark every check pass or fail first ({count} of {total} left).</source>
        <translation>请先逐项选择合格或不合格（共 {total} 项，还剩 {count} 项）。</translation>
    </message>
    <message>
        <source>Enter the price (more than ¥0.00).</source>
        <translation>请输入价格（须高于 ¥0.00）。</translation>
    </message>
    <message>
        <source>Write what the buyer is told about the unit&apos;s history.</source>
        <translation>请写明要告知买家的商品经历。</translation>
    </message>
    <message>
        <source>{price} is below the floor of {floor}: choose the owner who approves it.</source>
        <translation>{price} 低于底价 {floor}：请选择批准的店长。</translation>
    </message>
    <message>
        <source>{done} of {total} checks marked</source>
        <translation>已检测 {done}/{total} 项</translation>
    </message>
    <message>
        <source>Put on the shelf</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Send back to repair</source>
        <translation>返修</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Scrap approved by (owner):</source>
        <translation>报废批准人（店长）：</translation>
    </message>
    <message>
        <source>suggested {price} ({pct}% of new) · floor {floor}</source>
        <translation>建议 {price}（新品价的 {pct}%）· 底价 {floor}</translation>
    </message>
    <message>
        <source>Scrapping must be approved by the owner.</source>
        <translation>报废必须由店长批准。</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Copy the message for the customer</source>
        <translation>复制给顾客的消息</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>承诺完成</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>负责</translation>
    </message>
    <message>
        <source>There is no message to send for this one.</source>
        <translation>这一项没有要发给顾客的消息。</translation>
    </message>
    <message>
        <source>The customer left no name and no phone: a contact is needed to send the message. Add it to the return order, or tell the customer at the counter.</source>
        <translation>顾客没有留下姓名和电话：要发送消息需要联系方式。请在退货单上补充，或在柜台当面告知顾客。</translation>
    </message>
    <message>
        <source>LATE</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>{count} to do, {late} late</source>
        <translation>共 {count} 项待办，{late} 项逾期</translation>
    </message>
    <message>
        <source>Copied (and noted as told): {text}</source>
        <translation>已复制（并记为已告知）：{text}</translation>
    </message>
</context>
<context>
    <name>ReceivePartsDialog</name>
    <message>
        <source>Receive {name}</source>
        <translation>配件入库：{name}</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <source>Unit cost:</source>
        <translation>单位成本：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>来自：</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund {code}</source>
        <translation>退款 {code}</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Paid by the customer:</source>
        <translation>顾客实付：</translation>
    </message>
    <message>
        <source>Refund:</source>
        <translation>退款金额：</translation>
    </message>
    <message>
        <source>Up to ¥{limit} without the owner&apos;s approval.</source>
        <translation>不超过 ¥{limit} 无需店长批准。</translation>
    </message>
    <message>
        <source>Paid back by:</source>
        <translation>退款方式：</translation>
    </message>
    <message>
        <source>Approved by (owner):</source>
        <translation>批准人（店长）：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>¥{amount} is more than the ¥{limit} the customer paid (less any restocking fee): {missing}</source>
        <translation>¥{amount} 超过了顾客实付的 ¥{limit}（已扣除折旧手续费）：{missing}</translation>
    </message>
</context>
<context>
    <name>RepairCard</name>
    <message>
        <source>{hours} h · {difficulty} · due {due}</source>
        <translation>{hours} 小时 · {difficulty} · {due} 前</translation>
    </message>
    <message>
        <source>● repairing</source>
        <translation>● 维修中</translation>
    </message>
    <message>
        <source>Drag onto a technician&apos;s day to plan it; double-click or Enter to open.</source>
        <translation>拖到技师某天的格子里即可排程；双击或按回车打开。</translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message>
        <source>Repair order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Fault:</source>
        <translation>故障：</translation>
    </message>
    <message>
        <source>Difficulty:</source>
        <translation>难度：</translation>
    </message>
    <message>
        <source>Estimate:</source>
        <translation>预计工时：</translation>
    </message>
    <message>
        <source>Due (promised):</source>
        <translation>承诺完成日：</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <source>Outside fees:</source>
        <translation>外协费用：</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>排程</translation>
    </message>
    <message>
        <source>Take off the board</source>
        <translation>撤下排程</translation>
    </message>
    <message>
        <source>Technician:</source>
        <translation>技师：</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Start the repair</source>
        <translation>开始维修</translation>
    </message>
    <message>
        <source>Log hours…</source>
        <translation>登记工时…</translation>
    </message>
    <message>
        <source>Use a part…</source>
        <translation>领用配件…</translation>
    </message>
    <message>
        <source>Finish…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>ID card</source>
        <translation>售后档案</translation>
    </message>
    <message>
        <source>Repair {number}</source>
        <translation>维修单 {number}</translation>
    </message>
    <message>
        <source>planned for {name} on {day}</source>
        <translation>已排给 {name}（{day}）</translation>
    </message>
    <message>
        <source>not planned</source>
        <translation>未排程</translation>
    </message>
    <message>
        <source> · the customer&apos;s own unit</source>
        <translation> · 顾客自有商品</translation>
    </message>
    <message>
        <source>State: &lt;b&gt;{state}&lt;/b&gt; · {where}</source>
        <translation>状态：&lt;b&gt;{state}&lt;/b&gt; · {where}</translation>
    </message>
    <message>
        <source>Cost so far: labour {hours} h = {labour} · parts {parts} · outside {outside} · &lt;b&gt;total {total}&lt;/b&gt;</source>
        <translation>目前成本：工时 {hours} 小时 = {labour} · 配件 {parts} · 外协 {outside} · &lt;b&gt;合计 {total}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The repair is closed ({state}).</source>
        <translation>该维修单已关闭（{state}）。</translation>
    </message>
    <message>
        <source>Only a repair that waits to be started is planned or started; this one is “{state}”.</source>
        <translation>只有等待开始的维修单才能排程或开始；此单为“{state}”。</translation>
    </message>
    <message>
        <source>Start the repair first; it is “{state}”.</source>
        <translation>请先开始维修；当前为“{state}”。</translation>
    </message>
    <message>
        <source>It is not on the board.</source>
        <translation>它不在排程看板上。</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>Add a technician first.</source>
        <translation>请先添加技师。</translation>
    </message>
</context>
<context>
    <name>RepairDialogs</name>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
</context>
<context>
    <name>RepairsTab</name>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <source>Plan for me…</source>
        <translation>自动排程…</translation>
    </message>
    <message>
        <source>Technicians…</source>
        <translation>维修技师…</translation>
    </message>
    <message>
        <source>Filter by repair no., item code, product or technician</source>
        <translation>按维修单号、售后编号、商品或技师筛选</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Copy message for the customer</source>
        <translation>复制通知顾客的短信</translation>
    </message>
    <message>
        <source>Picked up…</source>
        <translation>已取件…</translation>
    </message>
    <message>
        <source>Ship to the customer…</source>
        <translation>寄给顾客…</translation>
    </message>
    <message>
        <source>ID card</source>
        <translation>售后档案</translation>
    </message>
    <message>
        <source>Low stock only</source>
        <translation>只看库存不足</translation>
    </message>
    <message>
        <source>Filter by part code, name or bin</source>
        <translation>按配件编码、名称或货位筛选</translation>
    </message>
    <message>
        <source>New part…</source>
        <translation>新建配件…</translation>
    </message>
    <message>
        <source>Receive…</source>
        <translation>入库…</translation>
    </message>
    <message>
        <source>Schedule board</source>
        <translation>排程看板</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>维修进度表</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>待取件</translation>
    </message>
    <message>
        <source>Spare parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Repair progress</source>
        <translation>维修进度表</translation>
    </message>
    <message>
        <source>Copied: {text}</source>
        <translation>已复制：{text}</translation>
    </message>
    <message>
        <source>{code} picked up</source>
        <translation>{code} 已取件</translation>
    </message>
    <message>
        <source>Who picked it up, anything said</source>
        <translation>取件人及交代事项</translation>
    </message>
    <message>
        <source>Ready for pickup ({count})</source>
        <translation>待取件（{count}）</translation>
    </message>
    <message>
        <source>Spare parts ({count} low)</source>
        <translation>配件（{count} 项不足）</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>= unchanged</source>
        <translation>= 持平</translation>
    </message>
    <message>
        <source>▼ better</source>
        <translation>▼ 好转</translation>
    </message>
    <message>
        <source>▲ better</source>
        <translation>▲ 好转</translation>
    </message>
    <message>
        <source>▲ worse</source>
        <translation>▲ 变差</translation>
    </message>
    <message>
        <source>▼ worse</source>
        <translation>▼ 变差</translation>
    </message>
    <message>
        <source>▲ up (neutral)</source>
        <translation>▲ 上升（中性）</translation>
    </message>
    <message>
        <source>▼ down (neutral)</source>
        <translation>▼ 下降（中性）</translation>
    </message>
    <message>
        <source>after-sales-report-{month}</source>
        <translation>售后报表-{month}</translation>
    </message>
    <message>
        <source>after-sales-report-{start}-to-{end}</source>
        <translation>售后报表-{start}至{end}</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>All suppliers</source>
        <translation>全部供应商</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <source>Type part of a product&apos;s code or name, or leave empty for all products.</source>
        <translation>输入商品编码或名称的一部分即可查找；留空表示全部商品。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>By supplier</source>
        <translation>按供应商</translation>
    </message>
    <message>
        <source>By product</source>
        <translation>按商品</translation>
    </message>
    <message>
        <source>By batch</source>
        <translation>按批次</translation>
    </message>
    <message>
        <source>By technician</source>
        <translation>按技师</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按分类</translation>
    </message>
    <message>
        <source>Returns over time</source>
        <translation>退货趋势</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <source>Return rates</source>
        <translation>退货率</translation>
    </message>
    <message>
        <source>Repair cost</source>
        <translation>维修成本</translation>
    </message>
    <message>
        <source>Cost of after-sales</source>
        <translation>售后成本</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>处理时长</translation>
    </message>
    <message>
        <source>Ageing</source>
        <translation>库龄</translation>
    </message>
    <message>
        <source>Supplier scorecard</source>
        <translation>供应商评估</translation>
    </message>
    <message>
        <source>Salespeople</source>
        <translation>销售员</translation>
    </message>
    <message>
        <source>No after-sales in this period.</source>
        <translation>本期间没有售后记录。</translation>
    </message>
    <message>
        <source>{units} units came back · net cost of after-sales {net}</source>
        <translation>退回 {units} 件 · 售后净成本 {net}</translation>
    </message>
    <message>
        <source>Against {previous}, the previous period of the same length:</source>
        <translation>对比上一同长期间 {previous}：</translation>
    </message>
    <message>
        <source>units returned</source>
        <translation>退货件数</translation>
    </message>
    <message>
        <source>net cost</source>
        <translation>净成本</translation>
    </message>
    <message>
        <source>Click a bar or double-click a row to see its units.</source>
        <translation>点击柱形或双击表格行可查看对应商品。</translation>
    </message>
    <message>
        <source>Units returned</source>
        <translation>退回件数</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Trailing mean</source>
        <translation>此前平均</translation>
    </message>
    <message>
        <source>Spike</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>▲ spike</source>
        <translation>▲ 异常高峰</translation>
    </message>
    <message>
        <source>Week of {date}</source>
        <translation>{date} 当周</translation>
    </message>
    <message>
        <source>Units returned in {period}</source>
        <translation>{period} 退回的商品</translation>
    </message>
    <message>
        <source>Pareto: the reasons that account for most returns come first; the line is the cumulative share.</source>
        <translation>帕累托图：占退货最多的原因排在前面；折线为累计占比。</translation>
    </message>
    <message>
        <source>Return reasons</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>变化率</translation>
    </message>
    <message>
        <source>Units returned ÷ units sold in the period (whenever they came back), the worst first, beside the previous period of the same length (a rate that rises is worse).</source>
        <translation>退回件数 ÷ 期间内售出件数（不论何时退回），退货率高的在前，并与上一同长期间对比（退货率上升为变差）。</translation>
    </message>
    <message>
        <source>Units in each zone at the end of the period by days there, and how many left it during the period and after how long, beside the previous period of the same length.</source>
        <translation>期末各库区商品按停留天数分布，以及本期间离开该库区的件数和平均停留时长，并与上一同长期间对比。</translation>
    </message>
    <message>
        <source>Only those with returns are listed.</source>
        <translation>只列出有退货的。</translation>
    </message>
    <message>
        <source>{sign}{points} pt</source>
        <translation>{sign}{points} 个百分点</translation>
    </message>
    <message>
        <source>Supplier / product / batch</source>
        <translation>供应商 / 商品 / 批次</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation>退货率</translation>
    </message>
    <message>
        <source>Repair cost (¥)</source>
        <translation>维修成本（元）</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>工时费</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Outside fees</source>
        <translation>外协费用</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修技师</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>In all {current}; in {previous_period}, the previous period of the same length, {previous}: {amount} ({share}) {direction}. The trend of the last periods is on the Cost of after-sales page.</source>
        <translation>合计 {current}；上一同长期间 {previous_period} 为 {previous}：{amount}（{share}）{direction}。最近各期趋势见“售后成本”页。</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Return shipping</source>
        <translation>退货运费</translation>
    </message>
    <message>
        <source>Shipping to customers</source>
        <translation>寄给顾客的运费</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>维修成本</translation>
    </message>
    <message>
        <source>Scrap write-offs</source>
        <translation>报废核销</translation>
    </message>
    <message>
        <source>Replacements at cost</source>
        <translation>换出商品成本</translation>
    </message>
    <message>
        <source>Recovered by resale</source>
        <translation>再销售收回</translation>
    </message>
    <message>
        <source>Credits from suppliers</source>
        <translation>供应商退款</translation>
    </message>
    <message>
        <source>Net cost</source>
        <translation>净成本</translation>
    </message>
    <message>
        <source>Each cost beside {previous}, the previous period of the same length: a cost that falls is better (green ▼), one that rises worse (red ▲). The chart shows the last {count} periods and the measures noted beside it.</source>
        <translation>各项成本与上一同长期间 {previous} 对比：成本下降为好转（绿色 ▼），上升为变差（红色 ▲）。图表显示最近 {count} 期的趋势及右侧记录的措施。</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>The last {count} months (¥)</source>
        <translation>最近 {count} 个月（元）</translation>
    </message>
    <message>
        <source>The last {count} periods (¥)</source>
        <translation>最近 {count} 期（元）</translation>
    </message>
    <message>
        <source>{settled} units settled with the customer, on average in {days} days; {share} within the promised {promise} days. {repeats} units came back more than once.</source>
        <translation>{settled} 件已与顾客结清，平均用时 {days} 天；{share} 在承诺的 {promise} 天内完成。有 {repeats} 件商品不止一次退回。</translation>
    </message>
    <message>
        <source>The previous period of the same length ({previous}): {settled} settled, on average in {days} days; {share} within the promise.</source>
        <translation>上一同长期间（{previous}）：结清 {settled} 件，平均 {days} 天；{share} 在承诺时限内。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Average days</source>
        <translation>平均天数</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>库区</translation>
    </message>
    <message>
        <source>Left in period</source>
        <translation>本期离开</translation>
    </message>
    <message>
        <source>Average stay (days)</source>
        <translation>平均停留（天）</translation>
    </message>
    <message>
        <source>Average stay before</source>
        <translation>上期平均停留</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>RepriceDialog</name>
    <message>
        <source>Change the price of {code}</source>
        <translation>调整 {code} 的价格</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>现价：</translation>
    </message>
    <message>
        <source>New price:</source>
        <translation>新价格：</translation>
    </message>
    <message>
        <source>Markdown suggested after {days} days on the shelf.</source>
        <translation>上架 {days} 天后建议降价。</translation>
    </message>
    <message>
        <source>Floor {floor}.</source>
        <translation>底价 {floor}。</translation>
    </message>
    <message>
        <source>Below the floor, approved by:</source>
        <translation>低于底价时的批准人：</translation>
    </message>
    <message>
        <source>Change the price</source>
        <translation>改价</translation>
    </message>
    <message>
        <source>Enter the price (more than ¥0.00).</source>
        <translation>请输入价格（须高于 ¥0.00）。</translation>
    </message>
    <message>
        <source>That is the price now.</source>
        <translation>与现价相同。</translation>
    </message>
    <message>
        <source>{price} is below the floor of {floor}: choose the owner who approves it.</source>
        <translation>{price} 低于底价 {floor}：请选择批准的店长。</translation>
    </message>
</context>
<context>
    <name>ResaleRulesDialog</name>
    <message>
        <source>Resale rules</source>
        <translation>再销售规则</translation>
    </message>
    <message>
        <source>Default for every category</source>
        <translation>所有分类的默认值</translation>
    </message>
    <message>
        <source>Quality checklist (one check per line)</source>
        <translation>质检清单（每行一项）</translation>
    </message>
    <message>
        <source>Resale price, as a share of the new price</source>
        <translation>再销售价格（占新品价的比例）</translation>
    </message>
    <message>
        <source>Grade {grade}:</source>
        <translation>{grade} 级：</translation>
    </message>
    <message>
        <source>Never below (floor):</source>
        <translation>最低不低于（底价）：</translation>
    </message>
    <message>
        <source>Ending in 9: the nearest price ending in 9, never below the floor (then the first one above it).</source>
        <translation>尾数为 9：取最接近的尾数为 9 的价格，但不低于底价（低于底价时取底价之上的第一个）。</translation>
    </message>
    <message>
        <source>Round the suggested price:</source>
        <translation>建议售价取整：</translation>
    </message>
    <message>
        <source>For the whole shop</source>
        <translation>全店通用</translation>
    </message>
    <message>
        <source>Grade {grade} means:</source>
        <translation>{grade} 级的含义：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Suggest a markdown after:</source>
        <translation>上架多久后建议降价：</translation>
    </message>
    <message>
        <source>Markdown by:</source>
        <translation>每次降价：</translation>
    </message>
</context>
<context>
    <name>ResaleTab</name>
    <message>
        <source>Filter by item code, product or serial</source>
        <translation>按售后编号、商品或序列号筛选</translation>
    </message>
    <message>
        <source>Check…</source>
        <translation>质检…</translation>
    </message>
    <message>
        <source>ID card</source>
        <translation>售后档案</translation>
    </message>
    <message>
        <source>Filter by item code, product or grade</source>
        <translation>按售后编号、商品或成色筛选</translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation>销售…</translation>
    </message>
    <message>
        <source>Change price…</source>
        <translation>调价…</translation>
    </message>
    <message>
        <source>Export online listings…</source>
        <translation>导出网店特价商品…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Quality check</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>Resale shelf</source>
        <translation>特价区</translation>
    </message>
    <message>
        <source>Resold</source>
        <translation>已再销售</translation>
    </message>
    <message>
        <source>Quality check ({count})</source>
        <translation>待质检（{count}）</translation>
    </message>
    <message>
        <source>Resale shelf ({count}, {stale} to mark down)</source>
        <translation>特价区（{count}，{stale} 件待降价）</translation>
    </message>
    <message>
        <source>Resale shelf ({count})</source>
        <translation>特价区（{count}）</translation>
    </message>
    <message>
        <source>Sold as {number}; the receipt is kept at {path}.</source>
        <translation>已售出，单号 {number}；小票已保存到 {path}。</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>销售单</translation>
    </message>
    <message>
        <source>Shelf label {code}</source>
        <translation>价签 {code}</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>小票 {number}</translation>
    </message>
    <message>
        <source>Shelf label</source>
        <translation>价签</translation>
    </message>
    <message>
        <source>Print shelf label</source>
        <translation>打印价签</translation>
    </message>
    <message>
        <source>Preview shelf label…</source>
        <translation>预览价签…</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <source>Preview receipt…</source>
        <translation>预览小票…</translation>
    </message>
    <message>
        <source>online-listings-{date}</source>
        <translation>网店特价商品-{date}</translation>
    </message>
    <message>
        <source>Export online listings</source>
        <translation>导出网店特价商品</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Online listings saved to {path}</source>
        <translation>网店特价商品已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Choose the backup to go back to. The database as it is now is backed up first, so a restore can itself be undone. Everything entered after the backup was taken will be gone.</source>
        <translation>请选择要恢复到的备份。恢复前会先备份当前数据库，因此恢复本身也可以撤销。备份之后录入的所有内容将会丢失。</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Approved by (owner):</source>
        <translation>批准人（店长）：</translation>
    </message>
    <message>
        <source>Another file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>There are no backups in {folder} yet: choose another file.</source>
        <translation>{folder} 中还没有备份：请选择其他文件。</translation>
    </message>
    <message>
        <source>Choose the backup to go back to.</source>
        <translation>请选择要恢复的备份。</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <source>Backups (*.sqlite3)</source>
        <translation>备份文件 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Go back to the backup {name}, taken {taken}? Everything entered after it was taken will be gone. The database as it is now is first kept as a backup named {safety} in {folder}, and the shop reopens on the restored file.</source>
        <translation>恢复到 {taken} 的备份 {name} 吗？该备份之后录入的所有内容都将丢失。当前数据库会先保存为备份 {safety}（在 {folder} 中），然后店铺在恢复的文件上重新打开。</translation>
    </message>
</context>
<context>
    <name>ReturnOrderDialog</name>
    <message>
        <source>Item code</source>
        <translation>售后编号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>With the customer</source>
        <translation>与顾客</translation>
    </message>
    <message>
        <source>Save slip as PDF…</source>
        <translation>退货单存为 PDF…</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>打印退货单</translation>
    </message>
    <message>
        <source>Preview slip…</source>
        <translation>预览退货单…</translation>
    </message>
    <message>
        <source>Print labels</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <source>Preview labels…</source>
        <translation>预览标签…</translation>
    </message>
    <message>
        <source>Return {number}</source>
        <translation>退货单 {number}</translation>
    </message>
    <message>
        <source>Return no.:</source>
        <translation>退货单号：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <source>Receipt:</source>
        <translation>销售单：</translation>
    </message>
    <message>
        <source>no receipt</source>
        <translation>无小票</translation>
    </message>
    <message>
        <source>open: some units are not settled yet</source>
        <translation>未完结：部分商品尚未结清</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>已结清</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>not settled</source>
        <translation>未结清</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>不退不换</translation>
    </message>
    <message>
        <source>Slip</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>售后标签</translation>
    </message>
    <message>
        <source>sent to {printer}</source>
        <translation>已发送到 {printer}</translation>
    </message>
    <message>
        <source>saved as {path}</source>
        <translation>已保存为 {path}</translation>
    </message>
    <message>
        <source>not printed (see the preview)</source>
        <translation>未打印（见预览）</translation>
    </message>
    <message>
        <source>not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>{what}: {done}</source>
        <translation>{what}：{done}</translation>
    </message>
    <message>
        <source>Return slip {number}</source>
        <translation>退货单 {number}</translation>
    </message>
    <message>
        <source>Labels of {number}</source>
        <translation>{number} 的标签</translation>
    </message>
</context>
<context>
    <name>ReverseRefundDialog</name>
    <message>
        <source>Reverse refund {number}</source>
        <translation>冲销退款单 {number}</translation>
    </message>
    <message>
        <source>Reverse the refund</source>
        <translation>冲销退款</translation>
    </message>
    <message>
        <source>Refund {number} of {amount}, paid back by {method} on {date}, for {code} {product}.</source>
        <translation>退款单 {number}：{amount}，于 {date} 以{method}退还，售后品 {code} {product}。</translation>
    </message>
    <message>
        <source>Refund:</source>
        <translation>退款：</translation>
    </message>
    <message>
        <source>The refund stays on record and a reversal of {amount} is written beside it. {code} is the customer&apos;s again and its return is open: refund it again with the right amount, exchange it or give it back.</source>
        <translation>原退款记录保留，另记一笔 {amount} 的冲销。{code} 重新归顾客所有，退货重新待处理：可按正确金额重新退款、换货或退还顾客。</translation>
    </message>
    <message>
        <source>Why the refund is reversed (wrong amount, wrong unit, the customer changed their mind…)</source>
        <translation>冲销原因（金额输错、退错商品、顾客改变主意……）</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Approved by (owner):</source>
        <translation>批准人（店长）：</translation>
    </message>
</context>
<context>
    <name>SaleDialog</name>
    <message>
        <source>Receipt {number}</source>
        <translation>销售单 {number}</translation>
    </message>
    <message>
        <source>Receipt no.:</source>
        <translation>单号：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <source>(walk-in, not recorded)</source>
        <translation>（散客，未登记）</translation>
    </message>
    <message>
        <source>Sold by:</source>
        <translation>销售员：</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>合计：{amount}</translation>
    </message>
    <message>
        <source>Register a return…</source>
        <translation>登记退货…</translation>
    </message>
</context>
<context>
    <name>SalespeoplePage</name>
    <message>
        <source>Flag from</source>
        <translation>售出达到</translation>
    </message>
    <message>
        <source> units sold</source>
        <translation> 件才标记</translation>
    </message>
    <message>
        <source>A salesperson who sold fewer units in the period is listed but not flagged: a few returns say little about how someone sells.</source>
        <translation>期间内售出少于此数的销售员照常列出，但不标记：几件退货说明不了一个人的销售方式。</translation>
    </message>
    <message>
        <source>Return rate by salesperson</source>
        <translation>按销售员的退货率</translation>
    </message>
    <message>
        <source>Reasons per salesperson</source>
        <translation>各销售员的退货原因</translation>
    </message>
    <message>
        <source>The whole shop: {returned} of {sold} units came back ({rate}).</source>
        <translation>全店：售出 {sold} 件，退回 {returned} 件（{rate}）。</translation>
    </message>
    <message>
        <source>▲ above the shop&apos;s rate</source>
        <translation>▲ 高于全店退货率</translation>
    </message>
    <message>
        <source>too few sold to judge</source>
        <translation>售出太少，不作判断</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售员</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation>退货率</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Share of their returns</source>
        <translation>占其退货</translation>
    </message>
</context>
<context>
    <name>ScorecardPage</name>
    <message>
        <source>All suppliers</source>
        <translation>全部供应商</translation>
    </message>
    <message>
        <source>The selected supplier</source>
        <translation>选中的供应商</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the scorecard alone as an Excel workbook.</source>
        <translation>只把供应商评估表导出为 Excel 工作簿。</translation>
    </message>
    <message>
        <source>Print:</source>
        <translation>打印：</translation>
    </message>
    <message>
        <source>Units returned: of the units sold in the period, those that came back (whenever). Repair cost: labour, parts and outside fees of the period on the supplier&apos;s goods. Open supplier returns: units on the return-to-supplier list today, and the days the oldest has waited. Click a column title to sort.</source>
        <translation>退回件数：本期售出的商品中退回的件数（不论何时退回）。维修成本：本期在该供应商商品上的工时、配件和外协费用。待退供应商：今天在待退供应商清单上的件数，以及最久一件已等的天数。点击列标题排序。</translation>
    </message>
    <message>
        <source>All suppliers: {sold} units sold, {returned} returned ({rate}); repair cost {repairs}, write-offs {write_offs}, credits {credits}</source>
        <translation>全部供应商：售出 {sold} 件，退回 {returned} 件（{rate}）；维修成本 {repairs}，报废核销 {write_offs}，供应商退款 {credits}</translation>
    </message>
    <message>
        <source>No supplier had sales or after-sales in this period.</source>
        <translation>本期没有供应商有销售或售后记录。</translation>
    </message>
    <message>
        <source>Select a supplier in the table first.</source>
        <translation>请先在表中选择一个供应商。</translation>
    </message>
    <message>
        <source>supplier-scorecard-{start}-to-{end}</source>
        <translation>供应商评估表-{start}至{end}</translation>
    </message>
    <message>
        <source>Export the supplier scorecard</source>
        <translation>导出供应商评估表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ScrapDialog</name>
    <message>
        <source>Scrap {code}</source>
        <translation>报废 {code}</translation>
    </message>
    <message>
        <source>Scrap it</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <source>Why it cannot be repaired or resold</source>
        <translation>为什么无法维修或再销售</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Write-off value (at cost):</source>
        <translation>核销金额（按成本）：</translation>
    </message>
    <message>
        <source>Approved by (owner):</source>
        <translation>批准人（店长）：</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Scan or type: receipt no., phone, serial, SKU, name…  (Ctrl+F)</source>
        <translation>扫码或输入：单号、手机号、序列号、商品编码、名称…（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>SearchResultsDialog</name>
    <message>
        <source>Search: {text}</source>
        <translation>搜索：{text}</translation>
    </message>
    <message>
        <source>{count} found. Double-click or press Enter to open.</source>
        <translation>找到 {count} 条。双击或按回车打开。</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>After-sales item</source>
        <translation>售后品</translation>
    </message>
    <message>
        <source>Return order</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>销售单</translation>
    </message>
</context>
<context>
    <name>SellDialog</name>
    <message>
        <source>Sell {code}</source>
        <translation>销售 {code}</translation>
    </message>
    <message>
        <source>grade {grade}</source>
        <translation>成色 {grade} 级</translation>
    </message>
    <message>
        <source>Tell the buyer, before the sale:</source>
        <translation>销售前请告知买家：</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>价格：</translation>
    </message>
    <message>
        <source>Sold on:</source>
        <translation>销售渠道：</translation>
    </message>
    <message>
        <source>Buyer (if known):</source>
        <translation>买家（如知道）：</translation>
    </message>
    <message>
        <source>Buyer&apos;s phone:</source>
        <translation>买家电话：</translation>
    </message>
    <message>
        <source>I told the buyer the unit&apos;s history and grade (已告知顾客)</source>
        <translation>我已向买家说明该商品的经历和成色（已告知顾客）</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Enter the price (more than ¥0.00).</source>
        <translation>请输入价格（须高于 ¥0.00）。</translation>
    </message>
    <message>
        <source>Tell the buyer the unit&apos;s history and tick “told the customer” first.</source>
        <translation>请先向买家说明商品经历，并勾选“已告知顾客”。</translation>
    </message>
</context>
<context>
    <name>SettingChangesDialog</name>
    <message>
        <source>Changes to the settings</source>
        <translation>设置修改记录</translation>
    </message>
    <message>
        <source>All settings</source>
        <translation>全部设置</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Shop-wide default</source>
        <translation>全店默认</translation>
    </message>
    <message>
        <source>Changes: {count}</source>
        <translation>修改：{count} 次</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Item label width</source>
        <translation>售后标签宽度</translation>
    </message>
    <message>
        <source>Item label height</source>
        <translation>售后标签高度</translation>
    </message>
    <message>
        <source>Return terms on the slip</source>
        <translation>退货单上的退换货条款</translation>
    </message>
    <message>
        <source>Document language</source>
        <translation>单据语言</translation>
    </message>
    <message>
        <source>Second backup folder</source>
        <translation>第二备份文件夹</translation>
    </message>
    <message>
        <source>A repaired unit fetches (share of list price)</source>
        <translation>修好的商品可售（占原价）</translation>
    </message>
    <message>
        <source>Repair cost warning (share of that)</source>
        <translation>维修成本提醒（占上述售价）</translation>
    </message>
    <message>
        <source>Repair turnaround (days)</source>
        <translation>维修周期（天）</translation>
    </message>
    <message>
        <source>Complex repair (days)</source>
        <translation>复杂维修（天）</translation>
    </message>
    <message>
        <source>Message: return received</source>
        <translation>消息：已收到退货</translation>
    </message>
    <message>
        <source>Message: ready for pickup</source>
        <translation>消息：可以取件</translation>
    </message>
    <message>
        <source>Message: refund paid</source>
        <translation>消息：已退款</translation>
    </message>
    <message>
        <source>Message: on its way</source>
        <translation>消息：已寄出</translation>
    </message>
    <message>
        <source>Markdown after (days on the shelf)</source>
        <translation>上架多少天后降价</translation>
    </message>
    <message>
        <source>Markdown (%)</source>
        <translation>降价幅度（%）</translation>
    </message>
    <message>
        <source>Return settled within (days)</source>
        <translation>退货办结期限（天）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>（新增）</translation>
    </message>
    <message>
        <source>Refund within (days)</source>
        <translation>退货期限（天）</translation>
    </message>
    <message>
        <source>Exchange within (days)</source>
        <translation>换货期限（天）</translation>
    </message>
    <message>
        <source>Warranty (months)</source>
        <translation>保修（月）</translation>
    </message>
    <message>
        <source>Opened goods refunded</source>
        <translation>已拆封可退</translation>
    </message>
    <message>
        <source>Used goods refunded</source>
        <translation>已使用可退</translation>
    </message>
    <message>
        <source>Restocking fee %</source>
        <translation>折旧费 %</translation>
    </message>
    <message>
        <source>What each reason allows</source>
        <translation>各退货原因允许的处理方式</translation>
    </message>
    <message>
        <source>Grade A %</source>
        <translation>A 级 %</translation>
    </message>
    <message>
        <source>Grade B %</source>
        <translation>B 级 %</translation>
    </message>
    <message>
        <source>Grade C %</source>
        <translation>C 级 %</translation>
    </message>
    <message>
        <source>Floor %</source>
        <translation>底价 %</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检测清单</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Works here</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>Rounding of the suggested price</source>
        <translation>建议售价取整</translation>
    </message>
    <message>
        <source>No restocking fee for</source>
        <translation>免收折旧手续费的原因</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>Changes…</source>
        <translation>修改记录…</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Ship to the customer: {code}</source>
        <translation>寄给顾客：{code}</translation>
    </message>
    <message>
        <source>Record the shipment</source>
        <translation>登记发货</translation>
    </message>
    <message>
        <source>The replacement {product} {serial} (exchange for {code})</source>
        <translation>换货商品 {product} {serial}（{code} 的换货）</translation>
    </message>
    <message>
        <source>{product} {serial} ({code}), repaired</source>
        <translation>{product} {serial}（{code}），已修好</translation>
    </message>
    <message>
        <source>Goes to the customer:</source>
        <translation>寄给顾客的商品：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <source>Choose or type the carrier</source>
        <translation>选择或输入快递公司</translation>
    </message>
    <message>
        <source>Carrier:</source>
        <translation>快递公司：</translation>
    </message>
    <message>
        <source>The carrier&apos;s tracking number</source>
        <translation>快递公司的快递单号</translation>
    </message>
    <message>
        <source>Tracking no.:</source>
        <translation>快递单号：</translation>
    </message>
    <message>
        <source>Shipping cost:</source>
        <translation>运费：</translation>
    </message>
    <message>
        <source>What the shop pays the carrier; it counts in the cost of after-sales.</source>
        <translation>本店付给快递公司的费用，计入售后成本。</translation>
    </message>
    <message>
        <source>Shipped on:</source>
        <translation>发货日期：</translation>
    </message>
    <message>
        <source>Anything worth knowing (optional)</source>
        <translation>其他需要记下的（选填）</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Choose or type the carrier first.</source>
        <translation>请先选择或输入快递公司。</translation>
    </message>
    <message>
        <source>Type the tracking number first.</source>
        <translation>请先输入快递单号。</translation>
    </message>
    <message>
        <source>The shipping date cannot be in the future.</source>
        <translation>发货日期不能晚于今天。</translation>
    </message>
</context>
<context>
    <name>ShipToSupplierDialog</name>
    <message>
        <source>Shipped back to the supplier: {code}</source>
        <translation>已寄回供应商：{code}</translation>
    </message>
    <message>
        <source>Record the shipment</source>
        <translation>记录寄出</translation>
    </message>
    <message>
        <source>Supplier&apos;s credit:</source>
        <translation>供应商退款：</translation>
    </message>
    <message>
        <source>Waybill or the supplier&apos;s reference</source>
        <translation>运单号或供应商单号</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>参考号：</translation>
    </message>
</context>
<context>
    <name>Shipping</name>
    <message>
        <source>Choose who you are first (the staff box at the bottom of the window): a shipment names who sent it.</source>
        <translation>请先在窗口底部的“当前员工”中选择您是谁：发货要记下是谁寄出的。</translation>
    </message>
</context>
<context>
    <name>ShopDialog</name>
    <message>
        <source>Shop settings</source>
        <translation>店铺设置</translation>
    </message>
    <message>
        <source>Shop name:</source>
        <translation>店铺名称：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>The language of the slips, labels, receipts and lists the shop prints and of the messages to customers, whatever the language of the screens.</source>
        <translation>本店打印的退货单、标签、小票和清单以及发给顾客的消息所用的语言，与界面语言无关。</translation>
    </message>
    <message>
        <source>Document language:</source>
        <translation>单据语言：</translation>
    </message>
    <message>
        <source>Item label size:</source>
        <translation>售后标签尺寸：</translation>
    </message>
    <message>
        <source>A repaired unit fetches (share of list price):</source>
        <translation>修好的商品可售（占原价）：</translation>
    </message>
    <message>
        <source>Warn when a repair costs more than (share of that):</source>
        <translation>维修成本超过（上述售价的）多少时提醒：</translation>
    </message>
    <message>
        <source>Optional, e.g. a USB drive: E:\ShopBackups</source>
        <translation>可选，例如 U 盘：E:\ShopBackups</translation>
    </message>
    <message>
        <source>Also back up to:</source>
        <translation>同时备份到：</translation>
    </message>
    <message>
        <source>Return terms on the slip:</source>
        <translation>退货单上的退换货条款：</translation>
    </message>
    <message>
        <source>The repair shares and the backup folder are the owner&apos;s to change.</source>
        <translation>维修比例和备份文件夹只有店长可以修改。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Go to the search box: scan or type a receipt no., phone, serial or SKU, then Enter</source>
        <translation>转到搜索框：扫码或输入销售单号、电话、序列号或商品编码，然后回车</translation>
    </message>
    <message>
        <source>New return: the intake form, ready for the receipt&apos;s scan</source>
        <translation>新退货：打开退货登记，等待扫描小票</translation>
    </message>
    <message>
        <source>In a numbered choice list (reason, what the customer asks for): choose that entry; Tab goes to the next field</source>
        <translation>在带编号的选择列表中（原因、顾客要求）：按数字选中该项；Tab 转到下一栏</translation>
    </message>
    <message>
        <source>Save: on the intake form, save the return and print its slip and labels</source>
        <translation>保存：在退货登记中保存退货并打印退货单和售后标签</translation>
    </message>
    <message>
        <source>The default button: Save and print on the intake form, Register a return… on a receipt, Print slip on a return</source>
        <translation>默认按钮：退货登记中为“保存并打印”，销售单中为“登记退货…”，退货单中为“打印退货单”</translation>
    </message>
    <message>
        <source>Print straight to the printer chosen under Settings → Printers: a return&apos;s slip, the repair progress table</source>
        <translation>直接在“设置 → 打印机”中选定的打印机上打印：退货单、维修进度表</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>下一个标签页</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>上一个标签页</translation>
    </message>
    <message>
        <source>In a list: open the ID card (or the record) of the selected row</source>
        <translation>在列表中：打开所选行的售后档案（或记录）</translation>
    </message>
    <message>
        <source>Close the dialog without doing anything</source>
        <translation>关闭对话框，不做任何操作</translation>
    </message>
    <message>
        <source>This list of keyboard shortcuts</source>
        <translation>本快捷键列表</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>The keys work anywhere in the main window unless the description says where.</source>
        <translation>除说明中注明的位置外，这些按键在主窗口任何地方都可用。</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>SpikeBreakdown</name>
    <message>
        <source>Who sold them, which batch</source>
        <translation>谁卖的、哪个批次</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售员</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>By salesperson</source>
        <translation>按销售员</translation>
    </message>
    <message>
        <source>By batch</source>
        <translation>按批次</translation>
    </message>
    <message>
        <source>{share} of these {units} units are from one batch, {batch}, sold by {people} salesperson(s): it looks like the batch, not a person.</source>
        <translation>这 {units} 件中有 {share} 来自同一批次 {batch}，由 {people} 位销售员售出：看来是批次的问题，而不是某个人。</translation>
    </message>
    <message>
        <source>{share} of these {units} units were sold by {name}, from {batches} batch(es): it looks like how they were sold, not a batch.</source>
        <translation>这 {units} 件中有 {share} 由 {name} 售出，来自 {batches} 个批次：看来是销售方式的问题，而不是批次。</translation>
    </message>
    <message>
        <source>{batch_share} of these {units} units are from batch {batch} and {person_share} were sold by {name}: here the batch and the salesperson go together, so the figures alone cannot tell which it is.</source>
        <translation>这 {units} 件中有 {batch_share} 来自批次 {batch}，{person_share} 由 {name} 售出：这里批次和销售员重合，仅凭数字无法判断是哪一个。</translation>
    </message>
    <message>
        <source>No single batch or salesperson stands out among these {units} units.</source>
        <translation>这 {units} 件中没有哪个批次或销售员特别突出。</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff and PINs</source>
        <translation>员工与 PIN 码</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>新员工</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Works here</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>4–8 digits; empty keeps the PIN as it is</source>
        <translation>4–8 位数字；留空则不修改</translation>
    </message>
    <message>
        <source>New PIN:</source>
        <translation>新 PIN 码：</translation>
    </message>
    <message>
        <source>Approved by (owner):</source>
        <translation>批准人（店长）：</translation>
    </message>
    <message>
        <source>(left)</source>
        <translation>（已离职）</translation>
    </message>
    <message>
        <source>Has a PIN.</source>
        <translation>已设置 PIN 码。</translation>
    </message>
    <message>
        <source>No PIN yet.</source>
        <translation>尚未设置 PIN 码。</translation>
    </message>
    <message>
        <source>Refused until {time} after wrong PINs (a new PIN lifts this).</source>
        <translation>PIN 码多次输错，{time} 前暂停使用（设置新 PIN 码可解除）。</translation>
    </message>
</context>
<context>
    <name>StockCountDialog</name>
    <message>
        <source>Stock count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>History</source>
        <translation>盘点记录</translation>
    </message>
    <message>
        <source>Count these zones:</source>
        <translation>盘点库区：</translation>
    </message>
    <message>
        <source>Blind count</source>
        <translation>盲盘</translation>
    </message>
    <message>
        <source>The expected quantities and the differences stay hidden until the count is posted, so the counter writes what is there, not what the ledger says should be.</source>
        <translation>账面数量和差异在过账前一直隐藏，盘点人只记录实际看到的数量，而不是账上应有的数量。</translation>
    </message>
    <message>
        <source>Start the count</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>盘点计划…</translation>
    </message>
    <message>
        <source>How often each zone is counted</source>
        <translation>设置各库区多久盘点一次</translation>
    </message>
    <message>
        <source>Scan:</source>
        <translation>扫码：</translation>
    </message>
    <message>
        <source>Scan a serial (one unit) or a barcode / SKU (adds one), then Enter</source>
        <translation>扫描序列号（一件）或条码/商品编码（加一），然后回车</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>库区</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>账面数</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数</translation>
    </message>
    <message>
        <source>Blind count sheet (without the expected quantities)</source>
        <translation>盲盘表（不显示账面数）</translation>
    </message>
    <message>
        <source>Untick to print the ledger&apos;s expected quantity beside each line.</source>
        <translation>取消勾选则在每行旁打印账面数。</translation>
    </message>
    <message>
        <source>Print count sheet…</source>
        <translation>打印盘点表…</translation>
    </message>
    <message>
        <source>Export count sheet…</source>
        <translation>导出盘点表…</translation>
    </message>
    <message>
        <source>Cancel the count</source>
        <translation>取消盘点</translation>
    </message>
    <message>
        <source>Post adjustments…</source>
        <translation>过账调整…</translation>
    </message>
    <message>
        <source>A blind count prints blind: the expected quantities show once it is posted.</source>
        <translation>盲盘的盘点表也不印账面数量：过账后才显示。</translation>
    </message>
    <message>
        <source>Choose the zones and start: the ledger&apos;s quantities are frozen as “expected” until the count is posted.</source>
        <translation>请选择库区后开始：账面数量将被冻结为“账面数”，直到盘点过账。</translation>
    </message>
    <message>
        <source>Count {number} · {zones} · posted {when}</source>
        <translation>盘点单 {number} · {zones} · 过账于 {when}</translation>
    </message>
    <message>
        <source>Count {number} · {zones} · started {when} · blind: the expected quantities show once it is posted</source>
        <translation>盘点单 {number} · {zones} · 开始于 {when} · 盲盘：过账后显示账面数量</translation>
    </message>
    <message>
        <source>Count {number} · {zones} · started {when}</source>
        <translation>盘点单 {number} · {zones} · 开始于 {when}</translation>
    </message>
    <message>
        <source>Due for their count: {zones}</source>
        <translation>到期待盘点：{zones}</translation>
    </message>
    <message>
        <source>{lines} lines · {missing} not counted yet</source>
        <translation>共 {lines} 行 · {missing} 行尚未盘点</translation>
    </message>
    <message>
        <source>{lines} lines · {missing} not counted yet · {diffs} differences</source>
        <translation>共 {lines} 行 · {missing} 行未盘 · {diffs} 处差异</translation>
    </message>
    <message>
        <source>Export count sheet</source>
        <translation>导出盘点表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Count sheet saved to {path}.</source>
        <translation>盘点表已保存到 {path}。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The count sheet could not be saved: {reason}</source>
        <translation>盘点表无法保存：{reason}</translation>
    </message>
    <message>
        <source>Cancel count {number}? What was counted so far is thrown away; stock does not change.</source>
        <translation>取消盘点单 {number} 吗？已盘的数量将被丢弃；库存不变。</translation>
    </message>
    <message>
        <source>Posted {number}: {count} adjustment(s).</source>
        <translation>已过账 {number}：共 {count} 笔调整。</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <source>Shop stock</source>
        <translation>本店库存</translation>
    </message>
    <message>
        <source>Customers&apos; units in for repair</source>
        <translation>顾客送修商品</translation>
    </message>
    <message>
        <source>Customers&apos; own units in for warranty repair are not the shop&apos;s stock: they are listed apart and never counted in a stock count.</source>
        <translation>顾客送来保修的自有商品不是本店库存：单独列出，盘点时也不计入。</translation>
    </message>
    <message>
        <source>Zone:</source>
        <translation>库区：</translation>
    </message>
    <message>
        <source>All zones</source>
        <translation>全部库区</translation>
    </message>
    <message>
        <source>Filter by SKU, product, model or category</source>
        <translation>按商品编码、名称、型号或分类筛选</translation>
    </message>
    <message>
        <source>Stock count…</source>
        <translation>盘点…</translation>
    </message>
    <message>
        <source>No stock yet</source>
        <translation>暂无库存</translation>
    </message>
    <message>
        <source>Every unit the shop holds is listed here per zone: sellable stock, inspection, repairable, in repair, the resale shelf and more, always summed from the stock moves. Import opening stock with File → Import…, or register a return on the Intake tab.</source>
        <translation>这里按库区列出店里的每一件货品：可销售库存、待检测区、可维修区、维修中、特价区等，数量始终由库存流水汇总得出。可通过“文件 → 从 Excel 导入…”导入期初库存，或在“退货入库”页登记退货。</translation>
    </message>
    <message>
        <source>{count} products</source>
        <translation>{count} 种商品</translation>
    </message>
    <message>
        <source>Customers&apos; units in for repair ({count})</source>
        <translation>顾客送修商品（{count}）</translation>
    </message>
</context>
<context>
    <name>TechniciansDialog</name>
    <message>
        <source>Technicians</source>
        <translation>维修技师</translation>
    </message>
    <message>
        <source>Skill level:</source>
        <translation>技能等级：</translation>
    </message>
    <message>
        <source>Hours a day:</source>
        <translation>每天工时：</translation>
    </message>
    <message>
        <source>Works on:</source>
        <translation>工作日：</translation>
    </message>
    <message>
        <source>Hourly rate:</source>
        <translation>工时费：</translation>
    </message>
    <message>
        <source>Repairs these categories (none ticked: all)</source>
        <translation>负责维修的品类（都不勾选表示全部）</translation>
    </message>
    <message>
        <source>No staff member has the technician role yet.</source>
        <translation>还没有员工的角色是维修技师。</translation>
    </message>
</context>
<context>
    <name>TodayTab</name>
    <message>
        <source>{role} ({count}, {late} late)</source>
        <translation>{role}（{count}，{late} 逾期）</translation>
    </message>
    <message>
        <source>{role} ({count})</source>
        <translation>{role}（{count}）</translation>
    </message>
</context>
<context>
    <name>UsePartDialog</name>
    <message>
        <source>Use a part on {number}</source>
        <translation>为 {number} 领用配件</translation>
    </message>
    <message>
        <source>Use the part</source>
        <translation>使用配件</translation>
    </message>
    <message>
        <source>{sku} {name} (bin {bin}, {held} in stock)</source>
        <translation>{sku} {name}（货位 {bin}，库存 {held}）</translation>
    </message>
    <message>
        <source>Part:</source>
        <translation>配件：</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <source>Only {held} of this part in the parts store.</source>
        <translation>配件库中此配件只剩 {held} 个。</translation>
    </message>
    <message>
        <source>There are no spare parts in the catalogue yet.</source>
        <translation>配件目录中还没有配件。</translation>
    </message>
</context>
</TS>
