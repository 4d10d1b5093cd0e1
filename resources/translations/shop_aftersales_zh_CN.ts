<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Domain</name>
    <message>
        <source>The data folder {path} cannot be created ({reason}). Is the drive connected? Choose another folder with --data-dir.</source>
        <translation>无法创建数据文件夹 {path}({reason})。请检查该磁盘是否已连接,或用 --data-dir 选择其他文件夹。</translation>
    </message>
    <message>
        <source>The data folder {path} is on a network drive. The database must be on this computer's own disk, or it can be damaged.</source>
        <translation>数据文件夹 {path} 位于网络驱动器上。数据库必须放在本机磁盘上,否则可能损坏。</translation>
    </message>
    <message>
        <source>The data folder {path} is read-only ({reason}). Choose a folder you can write to.</source>
        <translation>数据文件夹 {path} 是只读的({reason})。请选择一个可以写入的文件夹。</translation>
    </message>
    <message>
        <source>The database file {path} is damaged or is not a Shop Aftersales database ({reason}). It was not changed. Restore the latest backup (Help → Restore, or 'shop-aftersales restore'), or move the file away to start afresh.</source>
        <translation>数据库文件 {path} 已损坏,或不是售后管家的数据库({reason})。该文件未被改动。请恢复最近的备份(帮助 → 恢复,或运行 “shop-aftersales restore”),或将该文件移走后重新开始。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Shop Aftersales (schema {unknown}). Install the newer version to open it. The file was not changed.</source>
        <translation>该数据库由更新版本的售后管家写入(数据结构 {unknown})。请安装新版本后再打开。该文件未被改动。</translation>
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
        <source>Repairable</source>
        <translation>可维修区</translation>
    </message>
    <message>
        <source>In repair</source>
        <translation>维修中</translation>
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
        <source>SQLite integrity: {detail}</source>
        <translation>SQLite 完整性检查:{detail}</translation>
    </message>
    <message>
        <source>Row {rowid} of {table} points to a missing {parent}.</source>
        <translation>{table} 表第 {rowid} 行引用了不存在的 {parent}。</translation>
    </message>
    <message>
        <source>Product #{product} is negative ({qty}) in location #{loc}.</source>
        <translation>商品 #{product} 在库位 #{loc} 的数量为负({qty})。</translation>
    </message>
    <message>
        <source>On-hand of product #{product} in location #{loc} is {cached}, but its moves add up to {ledger}.</source>
        <translation>商品 #{product} 在库位 #{loc} 的现存量记为 {cached},但其库存流水合计为 {ledger}。</translation>
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
        <source>The safeguard {name} that keeps stock moves unchanged is missing.</source>
        <translation>保证库存流水不被修改的保护机制 {name} 缺失。</translation>
    </message>
    <message>
        <source>Document type {doc_type} has the wrong prefix {prefix}.</source>
        <translation>单据类型 {doc_type} 的前缀 {prefix} 不正确。</translation>
    </message>
    <message>
        <source>Number {used} of {doc_type} documents is in use, but the next number would be {next}: numbers could repeat.</source>
        <translation>{doc_type} 单据编号 {used} 已被使用,但下一个编号将是 {next}:编号可能重复。</translation>
    </message>
    <message>
        <source>This data folder already has a shop in it; the demo is only put into an empty one.</source>
        <translation>该数据文件夹中已有店铺数据;演示店铺只能放入空文件夹。</translation>
    </message>
    <message>
        <source>row {row}, column '{column}': {message}</source>
        <translation>第 {row} 行“{column}”列:{message}</translation>
    </message>
    <message>
        <source>row {row}: {message}</source>
        <translation>第 {row} 行:{message}</translation>
    </message>
    <message>
        <source>The file was not imported: {count} problem(s) found. Nothing was written.</source>
        <translation>文件未导入:发现 {count} 个问题。未写入任何数据。</translation>
    </message>
    <message>
        <source>  … and {more} more.</source>
        <translation>  …… 还有 {more} 个问题。</translation>
    </message>
    <message>
        <source>'{value}' is not a whole number.</source>
        <translation>“{value}”不是整数。</translation>
    </message>
    <message>
        <source>The quantity must be more than zero (got {value}).</source>
        <translation>数量必须大于零(现为 {value})。</translation>
    </message>
    <message>
        <source>The quantity {value} is implausibly large.</source>
        <translation>数量 {value} 大得不合理。</translation>
    </message>
    <message>
        <source>'{value}' is not an amount of money.</source>
        <translation>“{value}”不是有效金额。</translation>
    </message>
    <message>
        <source>An amount cannot be negative (got {value}).</source>
        <translation>金额不能为负数(现为 {value})。</translation>
    </message>
    <message>
        <source>The amount {value} is implausibly large.</source>
        <translation>金额 {value} 大得不合理。</translation>
    </message>
    <message>
        <source>'{value}' is not a date (write it like 2026-03-18).</source>
        <translation>“{value}”不是日期(请写成 2026-03-18 这样的格式)。</translation>
    </message>
    <message>
        <source>The date {value} is out of range.</source>
        <translation>日期 {value} 超出合理范围。</translation>
    </message>
    <message>
        <source>'{value}' is not yes or no (是/否).</source>
        <translation>“{value}”不是“是”或“否”。</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <source>{name} is not an Excel .xlsx file. Save it from Excel or WPS as 'Excel Workbook (*.xlsx)' and try again.</source>
        <translation>{name} 不是 Excel .xlsx 文件。请在 Excel 或 WPS 中另存为“Excel 工作簿 (*.xlsx)”后重试。</translation>
    </message>
    <message>
        <source>The file {name} does not exist.</source>
        <translation>文件 {name} 不存在。</translation>
    </message>
    <message>
        <source>{name} cannot be read as an Excel workbook ({reason}).</source>
        <translation>无法将 {name} 作为 Excel 工作簿读取({reason})。</translation>
    </message>
    <message>
        <source>The first sheet is empty: there is no header row.</source>
        <translation>第一个工作表是空的:没有表头行。</translation>
    </message>
    <message>
        <source>The required column '{zh}' ({en}) is missing.</source>
        <translation>缺少必填列“{zh}”({en})。</translation>
    </message>
    <message>
        <source>The file has more than {max} rows; split it into smaller files.</source>
        <translation>文件超过 {max} 行,请拆分成较小的文件。</translation>
    </message>
    <message>
        <source>This cell must not be empty.</source>
        <translation>此单元格不能为空。</translation>
    </message>
    <message>
        <source>The file has a header row but no data rows.</source>
        <translation>文件只有表头,没有数据行。</translation>
    </message>
    <message>
        <source>SKU {sku} is already on row {other}.</source>
        <translation>商品编码 {sku} 已出现在第 {other} 行。</translation>
    </message>
    <message>
        <source>{sku} already has sales or stock; whether it is tracked by serial number can no longer change.</source>
        <translation>{sku} 已有销售或库存记录,不能再更改是否按序列号管理。</translation>
    </message>
    <message>
        <source>{created} new product(s), {updated} updated.</source>
        <translation>新增 {created} 个商品,更新 {updated} 个。</translation>
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
        <translation>带序列号的行只代表一件商品:数量必须为 1。</translation>
    </message>
    <message>
        <source>Serial {serial} is sold twice: also on row {other}.</source>
        <translation>序列号 {serial} 被销售了两次:第 {other} 行也有。</translation>
    </message>
    <message>
        <source>Serial {serial} was already sold on receipt {receipt}.</source>
        <translation>序列号 {serial} 已在单号 {receipt} 中售出。</translation>
    </message>
    <message>
        <source>{created} receipt(s) imported, {skipped} already present and skipped.</source>
        <translation>已导入 {created} 张销售单,{skipped} 张已存在,已跳过。</translation>
    </message>
    <message>
        <source>'{zone}' is not a stock zone.</source>
        <translation>“{zone}”不是库区。</translation>
    </message>
    <message>
        <source>{sku} already has opening stock in this zone.</source>
        <translation>{sku} 在该库区已有期初库存。</translation>
    </message>
    <message>
        <source>{sku} is tracked by serial number: one row per unit, with its serial.</source>
        <translation>{sku} 按序列号管理:每件一行,并填写序列号。</translation>
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
        <translation>{sku} 不按序列号管理,序列号请留空。</translation>
    </message>
    <message>
        <source>{count} opening stock line(s) posted as {reference}.</source>
        <translation>已过账 {count} 行期初库存,单号 {reference}。</translation>
    </message>
    <message>
        <source>Unknown stock location '{code}'.</source>
        <translation>未知库位“{code}”。</translation>
    </message>
    <message>
        <source>A quantity to move must be at least 1 (got {qty}).</source>
        <translation>移动数量至少为 1(现为 {qty})。</translation>
    </message>
    <message>
        <source>A move needs two different locations.</source>
        <translation>库存移动需要两个不同的库位。</translation>
    </message>
    <message>
        <source>{product} is tracked by serial number: give the serial of the unit.</source>
        <translation>{product} 按序列号管理:请填写该件的序列号。</translation>
    </message>
    <message>
        <source>A serialised unit moves one at a time.</source>
        <translation>按序列号管理的商品只能逐件移动。</translation>
    </message>
    <message>
        <source>Unit {serial} of {product} is in '{where}', not in '{source}'.</source>
        <translation>{product}(序列号 {serial})在“{where}”,不在“{source}”。</translation>
    </message>
    <message>
        <source>Unit {serial} of {product} is not in '{source}'.</source>
        <translation>{product}(序列号 {serial})不在“{source}”。</translation>
    </message>
    <message>
        <source>Only {available} of {product} in '{source}'; cannot move {qty}.</source>
        <translation>“{source}”中 {product} 只有 {available} 件,无法移动 {qty} 件。</translation>
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
        <source>Model</source>
        <translation>型号</translation>
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
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
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
        <translation>程序遇到了意外错误。已保存的数据不会丢失;刚才正在进行的操作未保存。</translation>
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
    <name>ImportDialog</name>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>Choose what to import and the .xlsx file exported from your till or 进销存 system: one sheet, a header row in Chinese or English, one record per row. A file with any problem imports nothing; a receipt already imported is skipped.</source>
        <translation>选择要导入的内容,以及从收银或进销存系统导出的 .xlsx 文件:一个工作表,一行中文或英文表头,每行一条记录。文件中只要有任何问题,就不会导入任何数据;已导入过的销售单会自动跳过。</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Sales (receipts customers bring back)</source>
        <translation>销售单(顾客退货时凭此查找)</translation>
    </message>
    <message>
        <source>Opening stock per product and zone</source>
        <translation>各商品各库区的期初库存</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>导入内容:</translation>
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
        <translation>文件:</translation>
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
        <translation>模板无法保存:{reason}</translation>
    </message>
    <message>
        <source>Template saved to {path}. Fill in one row per record, keep the header row, and import it here.</source>
        <translation>模板已保存到 {path}。请保留表头行,每行填写一条记录,然后在此导入。</translation>
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
        <source>Nothing was imported.</source>
        <translation>未导入任何数据。</translation>
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
        <source>Returns and exchanges are registered here</source>
        <translation>退货和换货在这里登记</translation>
    </message>
    <message>
        <source>Scan or type the receipt number, the customer's phone or the unit's serial to find the original sale, pick what is coming back, and the shop's return policy is checked. A return slip is printed and every unit gets its own ID card and goes into the inspection zone. This arrives with the returns feature; until then, import your sales (File → Import…) so every receipt can be found.</source>
        <translation>扫描或输入销售单号、顾客手机号或商品序列号,找到原始销售记录,选择退回的商品,系统按本店退换货政策进行核验。打印退货单后,每件商品都会建立自己的售后档案,并进入待检测区。此功能将随退货模块推出;在此之前,请先导入销售单(文件 → 从 Excel 导入…),以便每张小票都能被查到。</translation>
    </message>
    <message>
        <source>The repair schedule board will be here</source>
        <translation>维修排程看板将显示在这里</translation>
    </message>
    <message>
        <source>Repairable units become repair orders that you plan onto each technician's days by skill and capacity, follow from waiting to done, and cost with parts, labour and outside fees.</source>
        <translation>可维修的商品会生成维修单,按技能和产能安排到每位技师的日程中,从待维修跟踪到完成,并核算配件、工时和外协费用。</translation>
    </message>
    <message>
        <source>Refurbished goods for resale will be here</source>
        <translation>翻新再销售的商品将显示在这里</translation>
    </message>
    <message>
        <source>Repaired and open-box units pass a quality check, get a grade and a discounted price, and are sold on the clearance shelf or online, with their history disclosed to the buyer in writing.</source>
        <translation>修好的商品和拆封品经过质量检测,评定成色等级并定出折扣价,在店内特价区或网店特价商品栏目销售,并以书面形式向买家披露其售后经历。</translation>
    </message>
    <message>
        <source>Analysis and Excel reports will be here</source>
        <translation>分析和 Excel 报表将显示在这里</translation>
    </message>
    <message>
        <source>Why goods come back and what it costs: returns per period with spikes flagged, reasons, return rates by supplier and batch, repair costs, processing times and ageing, and the accountant's monthly workbook.</source>
        <translation>商品为何被退回、花了多少钱:各期间退货数量及异常高峰、退货原因、按供应商和批次的退货率、维修成本、处理时长和库龄,以及给会计的月度工作簿。</translation>
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
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
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
        <source>&amp;About Shop Aftersales</source>
        <translation>关于售后管家(&amp;A)</translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation>当前员工:</translation>
    </message>
    <message>
        <source>Data: {path}</source>
        <translation>数据:{path}</translation>
    </message>
    <message>
        <source>(no staff yet)</source>
        <translation>(尚无员工)</translation>
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
        <translation>模板无法保存:{reason}</translation>
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
        <source>&lt;h3&gt;Shop Aftersales {version}&lt;/h3&gt;&lt;p&gt;Returns, exchanges, zones, repairs, resale, refunds and stock counts of one shop's after-sales goods (售后品).&lt;/p&gt;&lt;p&gt;Data folder: {data}&lt;br&gt;SQLite {sqlite} · Qt {qt}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;售后管家 {version}&lt;/h3&gt;&lt;p&gt;管理一家门店的售后品:退货、换货、分区库存、维修、特价再销售、退款和盘点。&lt;/p&gt;&lt;p&gt;数据文件夹:{data}&lt;br&gt;SQLite {sqlite} · Qt {qt}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Shop Aftersales</source>
        <translation>关于售后管家</translation>
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
        <translation>商品:</translation>
    </message>
    <message>
        <source>SKU / barcode:</source>
        <translation>商品编码 / 条码:</translation>
    </message>
    <message>
        <source>Category / brand:</source>
        <translation>分类 / 品牌:</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>供应商:</translation>
    </message>
    <message>
        <source>List price / cost:</source>
        <translation>售价 / 成本:</translation>
    </message>
    <message>
        <source>Tracked by serial:</source>
        <translation>按序列号管理:</translation>
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
        <translation>当前库存:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Stock moves, newest first:</source>
        <translation>库存流水(最新的在前):</translation>
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
        <translation>单号:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顾客:</translation>
    </message>
    <message>
        <source>(walk-in, not recorded)</source>
        <translation>(散客,未登记)</translation>
    </message>
    <message>
        <source>Sold by:</source>
        <translation>销售员:</translation>
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
        <translation>合计:{amount}</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Scan or type: receipt no., phone, serial, SKU, name…  (Ctrl+F)</source>
        <translation>扫码或输入:单号、手机号、序列号、商品编码、名称…(Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>SearchResultsDialog</name>
    <message>
        <source>Search: {text}</source>
        <translation>搜索:{text}</translation>
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
        <source>Receipt</source>
        <translation>销售单</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <source>Zone:</source>
        <translation>库区:</translation>
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
        <source>No stock yet</source>
        <translation>暂无库存</translation>
    </message>
    <message>
        <source>Every unit the shop holds is listed here per zone: sellable stock, inspection, repairable, in repair, the resale shelf and more, always summed from the stock moves. Import opening stock with File → Import…, or register a return on the Intake tab.</source>
        <translation>这里按库区列出店里的每一件货品:可销售库存、待检测区、可维修区、维修中、特价区等,数量始终由库存流水汇总得出。可通过“文件 → 从 Excel 导入…”导入期初库存,或在“退货入库”页登记退货。</translation>
    </message>
    <message>
        <source>{count} products</source>
        <translation>{count} 种商品</translation>
    </message>
</context>
</TS>