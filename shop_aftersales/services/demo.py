"""A believable demo shop (in Chinese): staff, customers, four kinds of goods, a year of sales.

Deterministic for a given seed, so screenshots and tests see the same shop every time.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from ..clock import now
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, in_document_language
from ..models import Category, Customer, Product, Sale, SaleLine, Staff, Supplier, db
from ..models.stock import ADJUSTMENT, SELLABLE
from ..reports.analytics import add_months
from . import settings
from .base import Changes, business_step
from .importing import OPENING_NOTE
from .ledger import MoveRequest, move
from .numbering import next_number

SHOP = {
    settings.SHOP_NAME: "星河生活馆（人民路店）",
    settings.SHOP_ADDRESS: "杭州市西湖区人民路 128 号",
    settings.SHOP_PHONE: "0571-8765 4321",
    settings.DOCUMENT_LANGUAGE: "zh_CN",  # a Chinese shop prints Chinese, whatever the language of the PC
}

STAFF = [("陈建国", "owner"), ("李娜", "sales"), ("赵敏", "sales"), ("王强", "warehouse"),
         ("张师傅", "technician"), ("周工", "technician"), ("刘会计", "finance")]

SUPPLIERS = [
    ("深圳星河电子有限公司", "黄经理", "0755-2658 1123"),
    ("东莞声学科技有限公司", "吴小姐", "0769-2231 8890"),
    ("安吉舒适家具厂", "钱总", "0572-5123 667"),
    ("杭州织锦服饰有限公司", "孙经理", "0571-8890 2231"),
    ("上海美妍化妆品有限公司", "林小姐", "021-6112 7788"),
]

# sku, name, model, category, brand, supplier index, list price, cost, serialised, weekly demand
PRODUCTS = [
    ("SJ-X1-256B", "智能手机 X1", "8+256G 曜石黑", "手机", "星河", 0, "2999", "2150", True, 6),
    ("SJ-X1-256W", "智能手机 X1", "8+256G 珍珠白", "手机", "星河", 0, "2999", "2150", True, 4),
    ("SJ-X1P-512", "智能手机 X1 Pro", "12+512G 远峰蓝", "手机", "星河", 0, "4599", "3380", True, 3),
    ("SJ-A5-128", "智能手机 A5", "6+128G 青山绿", "手机", "星河", 0, "1299", "930", True, 5),
    ("EJ-P3-WH", "真无线降噪耳机 P3", "白色 蓝牙5.3", "耳机", "声悦", 1, "599", "360", True, 8),
    ("EJ-P3-BK", "真无线降噪耳机 P3", "黑色 蓝牙5.3", "耳机", "声悦", 1, "599", "360", True, 6),
    ("EJ-S1", "运动耳机 S1", "挂耳式 防水", "耳机", "声悦", 1, "299", "170", True, 5),
    ("EJ-H9", "头戴式耳机 H9", "主动降噪 40h", "耳机", "声悦", 1, "1199", "760", True, 2),
    ("PJ-CD-20W", "快充充电器", "20W USB-C", "配件", "星河", 0, "89", "38", False, 10),
    ("PJ-XC-1M", "编织数据线", "USB-C 1米", "配件", "星河", 0, "49", "15", False, 12),
    ("JJ-ERG-01", "人体工学椅", "网背 带头枕 黑色", "椅子", "安吉舒适", 2, "1299", "780", True, 3),
    ("JJ-ERG-02", "人体工学椅 Pro", "网背 4D扶手 灰色", "椅子", "安吉舒适", 2, "1999", "1230", True, 2),
    ("JJ-DIN-OAK", "实木餐椅", "橡木 原木色", "椅子", "安吉舒适", 2, "459", "260", False, 4),
    ("JJ-BAR-01", "北欧吧台椅", "绒布 可升降", "椅子", "安吉舒适", 2, "389", "210", False, 2),
    ("FZ-CY-M", "纯棉衬衫", "白色 M码", "服装", "织锦", 3, "259", "110", False, 7),
    ("FZ-CY-L", "纯棉衬衫", "白色 L码", "服装", "织锦", 3, "259", "110", False, 6),
    ("FZ-WY-L", "羊毛针织开衫", "燕麦色 L码", "服装", "织锦", 3, "499", "230", False, 3),
    ("FZ-YRF-M", "轻薄羽绒服", "藏青 M码", "服装", "织锦", 3, "699", "330", False, 4),
    ("FZ-NZK-30", "直筒牛仔裤", "深蓝 30码", "服装", "织锦", 3, "329", "140", False, 5),
    ("HZ-JH-50", "保湿精华液", "50ml", "化妆品", "美妍", 4, "368", "150", False, 6),
    ("HZ-MS-5", "补水面膜", "5片装", "化妆品", "美妍", 4, "129", "45", False, 10),
    ("HZ-FS-40", "清透防晒霜", "SPF50+ 40ml", "化妆品", "美妍", 4, "168", "62", False, 7),
    ("HZ-KH-01", "丝绒口红", "#01 正红", "化妆品", "美妍", 4, "229", "80", False, 5),
    ("HZ-XZ-150", "氨基酸洁面乳", "150ml", "化妆品", "美妍", 4, "98", "32", False, 8),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ["芳", "伟", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "丽",
         "强", "霞", "平", "刚", "桂英", "婷", "欣怡", "子轩", "浩然", "雨涵", "梓涵", "一诺", "思远", "嘉怡",
         "晓东", "海燕", "建华", "文博", "佳琪", "志强", "玉兰", "俊杰", "雪梅"]


class DemoRefused(DomainError):
    """The demo shop is only ever seeded into an empty database."""


def has_data() -> bool:
    return Product.select().exists() or Sale.select().exists()


@business_step
def seed_demo_shop(seed: int = 2026, days: int = 365) -> Changes:
    """Fill an EMPTY database with the demo shop. Refuses a database that already has data."""
    if has_data():
        raise DemoRefused(QT_TRANSLATE_NOOP("Domain", "This data folder already has a shop in it; the demo is only "
                                            "put into an empty one."))
    rng = random.Random(seed)
    settings.update(SHOP)
    staff = [Staff.create(name=n, role=r) for n, r in STAFF]
    sellers = [s for s in staff if s.role in ("sales", "owner")]
    suppliers = [Supplier.create(name=n, contact=c, phone=p) for n, c, p in SUPPLIERS]
    categories: dict[str, Category] = {}
    products = []
    for sku, name, model, cat, brand, sup, price, cost, serialised, demand in PRODUCTS:
        category = categories.get(cat) or categories.setdefault(cat, Category.create(name=cat))
        barcode = "69" + "".join(str(rng.randrange(10)) for _ in range(11))
        products.append((Product.create(sku=sku, barcode=barcode, name=name, model=model, category=category,
                                        brand=brand, supplier=suppliers[sup], list_price=Decimal(price),
                                        cost=Decimal(cost), serialised=serialised), demand))
    customers = []
    used_phones: set[str] = set()
    for _ in range(160):
        phone = "1" + rng.choice("3456789") + "".join(str(rng.randrange(10)) for _ in range(9))
        if phone in used_phones:
            continue
        used_phones.add(phone)
        customers.append(Customer.create(name=rng.choice(SURNAMES) + rng.choice(GIVEN), phone=phone))

    moment = now()
    end = moment.replace(hour=0, minute=0, second=0)  # the history runs to last night; this week's work to now
    start = end - dt.timedelta(days=days)
    serial_counter = 0
    sale_no = 0
    lines: list[dict] = []
    day = start
    # three months ago the white P3 earbuds were on promotion (one more sold every other day) from one batch
    # that turned out bad: the reports' one spike
    bad_month = add_months(end.date().replace(day=1), -BAD_MONTHS_AGO)
    bad_product = next(pair for pair in products if pair[0].sku == BAD_SKU)
    while day < end:
        weekend = day.weekday() >= 5
        receipts = rng.randint(3, 7) + (4 if weekend else 0)
        promotion = day.date().replace(day=1) == bad_month and day.day <= 24 and day.day % 2 == 0
        for number in range(1, receipts + 1):
            sale_no += 1
            sold_at = day + dt.timedelta(hours=rng.randint(10, 20), minutes=rng.randrange(60))
            customer = rng.choice(customers) if rng.random() < 0.8 else None
            sale = Sale.create(receipt_no=f"XS{day:%Y%m%d}-{number:03d}", sold_at=sold_at,
                               customer=customer, staff=rng.choice(sellers), source="import")
            picks = rng.sample(products, k=rng.choice((1, 1, 1, 2, 2, 3)))
            if promotion and number == 1 and bad_product not in picks:
                picks.append(bad_product)
            for line_no, (product, _demand) in enumerate(picks, start=1):
                batch = f"B{sold_at:%y%m}{1 if promotion and product.sku == BAD_SKU else rng.randint(1, 2)}"
                if product.serialised:
                    serial_counter += 1
                    serial, qty = f"{product.sku.split('-')[0]}{sold_at:%y}{serial_counter:06d}", 1
                else:
                    serial, qty = None, rng.choice((1, 1, 1, 2, 3))
                price = product.list_price if rng.random() < 0.8 else (product.list_price * Decimal("0.9")).quantize(Decimal("1"))
                lines.append({"sale": sale.id, "line_no": line_no, "product": product.id, "serial": serial,
                              "quantity": qty, "unit_price": price,
                              "supplier": product.supplier_id, "batch": batch})
        if len(lines) > 400:
            SaleLine.insert_many(lines).execute()
            lines.clear()
        day += dt.timedelta(days=1)
    if lines:
        SaleLine.insert_many(lines).execute()

    # what is on the shelves today, as opening stock from the stock adjustment location
    reference = next_number("opening")
    for product, demand in products:
        if product.serialised:
            for n in range(max(2, demand // 2)):
                serial_counter += 1
                move(MoveRequest(product=product, quantity=1, source=ADJUSTMENT, target=SELLABLE,
                                 serial=f"{product.sku.split('-')[0]}{end:%y}{serial_counter:06d}",
                                 reference=reference, note=OPENING_NOTE))
        else:
            move(MoveRequest(product=product, quantity=demand * 3 + rng.randint(0, 10), source=ADJUSTMENT,
                             target=SELLABLE, reference=reference, note=OPENING_NOTE))
    week = _demo_returns(rng, staff, end, moment)
    _demo_repairs(rng, staff, suppliers, categories, end, moment)
    _demo_resale(rng, staff, end)
    _demo_this_week(staff, moment, week)
    from .. import clock
    from .stock_count import set_count_schedule

    with clock.frozen(moment - dt.timedelta(days=3)):  # the owner's count schedule, set a few days ago
        set_count_schedule({"resale": 30, "inspection": 7}, next(s for s in staff if s.role == "owner"))
    return Changes(catalog=True, people=True, sales=True, stock=True, settings=True, items=True, created=sale_no)


FAULTS = {
    "手机": ["屏幕闪烁，偶尔黑屏", "充电口接触不良", "电池续航明显变短", "扬声器有杂音"],
    "耳机": ["左耳无声音", "降噪开启后有电流声", "充电盒无法充电"],
    "配件": ["无法快充", "接头松动"],
    "椅子": ["气压棒下沉", "扶手松动", "椅腿有裂纹", "滚轮卡顿"],
    "服装": ["开线", "尺码不合适", "有色差"],
    "化妆品": ["使用后皮肤发红", "包装破损渗漏", "不喜欢气味"],
}


BAD_SKU, BAD_MONTHS_AGO = "EJ-P3-WH", 3

# Returns a month, spread over its days: low enough that the one bad batch stands out as the only spike (the
# rule needs ≥ 1.5 × the trailing mean), high enough that the last weeks have work in every state.
MONTHLY_RETURNS = (9, 12)
RECENT_DAYS = 14  # "recent" means the last two weeks, whatever the calendar month


def _return_moments(rng: random.Random, end: dt.datetime, first: dt.date, taken_per_month: dict[str, int]
                    ) -> list[dt.datetime]:
    """When the history's ordinary returns came in: MONTHLY_RETURNS a month from *first* to *end* (the month
    under way in proportion to its days gone), less this week's returns already placed in that month
    (*taken_per_month*), so that only the bad batch's month, whose returns come on top, looks like a spike."""
    moments = []
    month = first.replace(day=1)
    while month <= end.date():
        following = add_months(month, 1)
        days = (min(following, end.date()) - month).days
        target = round(rng.randint(*MONTHLY_RETURNS) * days / (following - month).days)
        for _ in range(max(target - taken_per_month.get(f"{month:%Y-%m}", 0), 0)):
            day = month + dt.timedelta(days=rng.randrange(days)) if days else month
            moment = dt.datetime.combine(day, dt.time(rng.randint(10, 19), rng.randrange(60)))
            if dt.datetime.combine(first, dt.time()) + dt.timedelta(days=2) < moment < end - dt.timedelta(hours=2):
                moments.append(moment)
        month = following
    return moments


def _demo_returns(rng: random.Random, staff: list[Staff], end: dt.datetime, moment: dt.datetime
                  ) -> list[tuple[str, dt.datetime, int]]:
    """A year of returns in every state, so each after-sales screen has something real to show: a steady
    trickle (the last two weeks still being worked on), one bad batch of earbuds three months ago that the
    reports should catch as a spike, and this week's returns, registered here in their turn and left for
    _demo_this_week to work on: their (role, when, item id) is returned."""
    from .. import clock
    from ..models import AftersalesItem
    from . import items as item_steps
    from . import resolutions
    from .returns import ReturnLine, ReturnRequest, register_return

    owner = next(s for s in staff if s.role == "owner")
    clerks = [s for s in staff if s.role in ("sales", "warehouse")]
    lines = list(SaleLine.select(SaleLine, Sale, Product).join(Sale).switch(SaleLine).join(Product)
                 .where(Sale.sold_at >= end - dt.timedelta(days=350)).order_by(SaleLine.id))
    rng.shuffle(lines)
    # the bad batch: the white P3 earbuds of batch 1 sold in the first 25 days of the month three months ago,
    # all back within that month (so the month stands out, and only that month)
    bad_month = add_months(end.date().replace(day=1), -BAD_MONTHS_AGO)
    month_end = dt.datetime.combine(add_months(bad_month, 1), dt.time()) - dt.timedelta(hours=5)
    bad = [l for l in lines if l.product.sku == BAD_SKU and l.batch == f"B{bad_month:%y%m}1"
           and l.sale.sold_at.day <= 25]
    this_week = _pick_this_week(rng, lines, {l.id for l in bad}, end, moment)
    chosen = {l.id for l in bad} | {line.id for line, _when, _role in this_week}
    plan = [(min(l.sale.sold_at + dt.timedelta(days=rng.randint(3, 9), hours=rng.randint(0, 3)), month_end), l, "bad")
            for l in bad]
    taken: dict[str, int] = {}  # this week's returns are part of their months' trickle, not on top of it
    for line, when, role in this_week:
        plan.append((when, line, role))
        taken[f"{when:%Y-%m}"] = taken.get(f"{when:%Y-%m}", 0) + 1
    by_day: dict[dt.date, list] = {}
    for line in lines:
        if line.id not in chosen:
            by_day.setdefault(line.sale.sold_at.date(), []).append(line)
    first_sale = min(by_day) if by_day else end.date()
    for when in _return_moments(rng, end, first_sale, taken):
        # a line sold one to twelve days before it came back, not returned already
        for _try in range(12):
            sold = by_day.get((when - dt.timedelta(days=rng.randint(1, 12))).date())
            if sold:
                line = sold.pop()
                if line.sale.sold_at < when:
                    kind = "recent" if when >= end - dt.timedelta(days=RECENT_DAYS) else "baseline"
                    plan.append((when, line, kind))
                    break
    plan.sort(key=lambda p: p[0])  # numbers are issued in the order the returns came in
    week: list[tuple[str, dt.datetime, int]] = []
    for when, line, kind in plan:
        category = line.product.category.name
        if kind in WEEK:
            reason, condition, resolution, fault = WEEK[kind]
            with clock.frozen(when):
                changes = register_return(ReturnRequest(
                    lines=[ReturnLine(line.product_id, 1, reason, condition, resolution, sale_line_id=line.id,
                                      fault=rng.choice(FAULTS.get(category, ["有问题"])) if fault else "",
                                      accessories=rng.choice(["包装盒", "包装盒、说明书"]))],
                    sale_id=line.sale_id, override_reason="老顾客，店长同意", override_approval=owner),
                    staff=rng.choice(clerks))
            week.append((kind, when, changes.ids[0]))
            continue
        quality = kind == "bad" or rng.random() < (0.85 if kind == "recent" else 0.7)
        reason = "quality" if quality else ("allergy" if category == "化妆品" else "changed_mind")
        resolution = "repair" if quality and category in ("手机", "耳机") and rng.random() < 0.3 else (
            "exchange" if rng.random() < 0.3 else "refund")
        if reason == "allergy":
            resolution = "refund"
        clerk = rng.choice(clerks)
        with clock.frozen(when):
            changes = register_return(ReturnRequest(
                lines=[ReturnLine(line.product_id, 1, reason, "used" if quality else "unopened", resolution,
                                  sale_line_id=line.id, fault="左耳无声音（同批次多台）" if kind == "bad" else (
                                      rng.choice(FAULTS.get(category, ["有问题"])) if quality else ""),
                                  accessories=rng.choice(["包装盒", "包装盒、说明书", ""]))],
                sale_id=line.sale_id, shipping_cost=Decimal(rng.choice([0, 0, 0, 12, 15])),
                override_reason="老顾客，店长同意", override_approval=owner), staff=clerk)
        item = AftersalesItem.get_by_id(changes.ids[0])
        age = (end - when).days
        if age < 3:
            continue  # still waiting for inspection
        later = when + dt.timedelta(days=rng.randint(1, 2), hours=2)
        with clock.frozen(min(later, end - dt.timedelta(hours=1))):
            roll = rng.random()
            not_repaired = category in ("化妆品", "配件")  # a face cream or a cable is never repaired
            if item.customer_owned:
                item_steps.inspect(item.id, "确认故障，可维修", "repairable", owner)
                continue  # repaired on the board (see _demo_repairs), then picked up
            if not quality:
                item_steps.inspect(item.id, "未拆封，无故障", "sellable" if roll < 0.6 else "qc", owner)
            elif not_repaired:
                if roll < 0.6:
                    resolutions.scrap(item.id, "已开封使用，无法再售", approved_by=owner, staff=owner)
                else:
                    item_steps.inspect(item.id, "批次质量问题，退供应商", "supplier_return", owner)
            elif roll < (0.9 if kind == "recent" else 0.45):
                item_steps.inspect(item.id, "确认故障，可维修", "repairable", owner)
            elif roll < 0.65:
                resolutions.scrap(item.id, "损坏严重，维修不划算", approved_by=owner, staff=owner)
            elif roll < 0.85 and line.supplier_id:
                item_steps.inspect(item.id, "批次质量问题，退供应商", "supplier_return", owner)
                if age > 20:
                    resolutions.ship_to_supplier(item.id, line.product.cost, f"SF{rng.randint(10**9, 10**10)}", owner)
            else:
                item_steps.inspect(item.id, "外观有轻微划痕，功能正常", "qc", owner)
            if age < 6:
                continue  # refund or exchange still to do
            if resolution == "refund":
                resolutions.refund(item.id, resolutions.refundable_amount(item), rng.choice(
                    ["wechat", "alipay", "cash", "original"]), staff=owner)
            elif resolution == "exchange":
                try:
                    with db.atomic():
                        resolutions.exchange(item.id, clerk, serial=_free_serial(line.product))
                except DomainError:
                    pass  # no replacement on the shelf: stays open, as in a real shop
    return week


# This week's work, there whatever the day: what each role's returns are (reason, condition, what the customer
# asks, whether it has a fault), and for each role how many and how many days before now they came in.
WEEK = {
    "inspect": ("quality", "used", "refund", True),        # came in today: the inspection queue
    "pile": ("quality", "used", "refund", True),           # inspected repairable, not planned yet
    "planned": ("quality", "used", "refund", True),        # planned this week, on the days still to come
    "running": ("quality", "used", "refund", True),        # on the bench today
    "qc": ("quality", "used", "refund", True),             # repaired, waiting for the quality check
    "pickup": ("quality", "used", "repair", True),         # a customer's unit repaired under warranty
    "refund": ("changed_mind", "unopened", "refund", False),  # inspected, the refund still to pay
}
WEEK_PLAN = (("inspect", 2, 0, ("手机", "椅子", "耳机", "服装")), ("pile", 2, 3, ("手机", "椅子")),
             ("planned", 2, 4, ("耳机", "椅子")), ("running", 1, 5, ("耳机",)), ("qc", 1, 7, ("耳机", "椅子")),
             ("pickup", 1, 8, ("手机", "耳机")), ("refund", 1, 3, ("服装", "化妆品", "配件")))


def _pick_this_week(rng: random.Random, lines: list, taken: set[int], end: dt.datetime, moment: dt.datetime
                    ) -> list[tuple]:
    """(sale line, when it came back, role) for this week's returns: two came in today (within the current
    week even just after midnight on a Monday), the others over the last days."""
    week_start = dt.datetime.combine(end.date() - dt.timedelta(days=end.weekday()), dt.time())
    picked: list[tuple] = []
    used = set(taken)
    category_of = dict(Product.select(Product.id, Category.name).join(Category).tuples())
    since = end - dt.timedelta(days=max(days for _r, _c, days, _cats in WEEK_PLAN) + 13)
    lines = [l for l in lines if l.sale.sold_at >= since]
    for role, count, days_ago, categories in WEEK_PLAN:
        for n in range(count):
            if days_ago == 0:
                when = max(moment - dt.timedelta(minutes=75 - 40 * n), week_start + dt.timedelta(minutes=1 + n))
                when = min(when, moment - dt.timedelta(seconds=20 - 10 * n))
            else:
                when = dt.datetime.combine(end.date() - dt.timedelta(days=days_ago), dt.time(10 + 3 * n, 20))
            candidates = [l for l in lines if l.id not in used and category_of[l.product_id] in categories
                          and when - dt.timedelta(days=12) <= l.sale.sold_at < when - dt.timedelta(hours=1)]
            if not candidates:
                continue  # a shop too young to have sold one: the minimums test would say so
            line = rng.choice(candidates)
            used.add(line.id)
            picked.append((line, when, role))
    return picked


PARTS = [
    # code, name, spec, bin, reorder level, supplier index, unit cost, quantity received, the category it fits
    ("PJ-PM-X1", "X1 屏幕总成", "6.7英寸 OLED", "A-01", 2, 0, "380", 4, "手机"),
    ("PJ-DC-X1", "X1 电池", "5000mAh", "A-02", 3, 0, "85", 6, "手机"),
    ("PJ-DC-EJ", "耳机电池", "P3 左右耳通用", "A-03", 4, 1, "28", 10, "耳机"),
    ("PJ-QYB", "气压棒", "三级 150mm", "B-01", 3, 2, "45", 5, "椅子"),
    ("PJ-FS", "椅子扶手", "4D 黑色 一对", "B-02", 2, 2, "60", 2, "椅子"),
    ("PJ-LZ", "静音滚轮", "60mm 五只装", "B-03", 2, 2, "25", 8, "椅子"),
    ("PJ-XX", "缝纫线", "涤纶 白/黑", "C-01", 5, 3, "3", 30, "服装"),
]


def _demo_repairs(rng: random.Random, staff: list[Staff], suppliers: list[Supplier], categories: dict,
                  end: dt.datetime, moment: dt.datetime) -> None:
    """Two technicians, a parts store, and this week's repairs on the board: some planned, some under way,
    some finished, a customer's unit waiting to be picked up."""
    from .. import clock
    from ..models import RepairOrder, Technician
    from ..models.repairs import WAITING
    from . import repairs, resolutions

    zhang = next(s for s in staff if s.name == "张师傅")
    zhou = next(s for s in staff if s.name == "周工")
    owner = next(s for s in staff if s.role == "owner")
    cat = {name: c.id for name, c in categories.items()}
    repairs.save_technician(zhang.id, "specialist", Decimal(8), "123456", Decimal("45"), [cat["手机"], cat["耳机"]])
    repairs.save_technician(zhou.id, "general", Decimal(7), "234567", Decimal("35"),
                            [cat["椅子"], cat["服装"], cat["耳机"]])
    parts = {}
    for code, name, spec, bin_, reorder, sup, cost, qty, fits in PARTS:
        part_id = repairs.save_part(code, name, spec, bin_, reorder, suppliers[sup].id, cat.get(fits)).ids[0]
        parts[code] = part_id
        with clock.frozen(end - dt.timedelta(days=40)):
            repairs.receive_parts(part_id, qty, Decimal(cost), suppliers[sup].id, owner)
    for repair in RepairOrder.select().where(RepairOrder.state == WAITING).order_by(RepairOrder.id):
        difficulty, hours = DIFFICULTIES.get(repair.item.product.category.name, ("simple", "1"))
        repairs.update_repair(repair.id, repair.fault, difficulty, Decimal(hours), repair.due_date,
                              rng.choice([1, 2, 2, 3]))
    # what was due long ago has been repaired by now: only recent work is left for the board
    customers: list[tuple[dt.datetime, int]] = []
    for repair in RepairOrder.select().where((RepairOrder.state == WAITING)
                                             & (RepairOrder.due_date < (end - dt.timedelta(days=10)).date())
                                             ).order_by(RepairOrder.id):  # the same demo on either backend
        tech = zhang if repair.item.product.category.name in ("手机", "耳机") else zhou
        started = dt.datetime.combine(repair.due_date - dt.timedelta(days=rng.randint(3, 5)), dt.time(10))
        with clock.frozen(started):
            repairs.start_repair(repair.id, tech)
            repairs.log_hours(repair.id, repair.estimate, Technician.get(Technician.staff == tech).id,
                              "维修完成", tech)
        with clock.frozen(started + dt.timedelta(days=1, hours=rng.randint(0, 6))):
            repairs.finish_repair(repair.id, True, "已修好，测试正常", tech)
            item = repair.item
            if not item.customer_owned:
                _demo_check(rng, item, owner, to_sellable=rng.random() < 0.4)
            else:
                customers.append((started, item.id))
    for started, item_id in sorted(customers)[:-2]:  # the two latest still wait on the pickup shelf
        with clock.frozen(started + dt.timedelta(days=rng.randint(2, 4))):
            resolutions.give_back(item_id, "顾客已取件", owner)
    # the rest of the history's repairs planned this morning over the next two weeks, those of today begun
    start = end.date()
    with clock.frozen(max(end, moment - dt.timedelta(hours=2))):
        proposal = repairs.propose_plan(start)
        repairs.apply_plan(proposal[:-2] if len(proposal) > 4 else proposal)  # two left on the pile to plan
        todays = list(RepairOrder.select().where(RepairOrder.planned_on == start).order_by(RepairOrder.id))
        for repair in todays[:2]:
            repairs.start_repair(repair.id, repair.technician.staff)
            repairs.log_hours(repair.id, repair.estimate / 2, note="拆机检查", staff=repair.technician.staff)
            category = repair.item.product.category.name
            part = PART_FOR.get(category)
            if part:
                repairs.use_part(repair.id, parts[part], 1, repair.technician.staff)


PART_FOR = {"手机": "PJ-PM-X1", "耳机": "PJ-DC-EJ", "椅子": "PJ-QYB", "服装": "PJ-XX"}
WORK_DONE = {"手机": "已更换屏幕总成，测试正常", "耳机": "已更换耳机电池，测试正常", "椅子": "已更换气压棒，测试正常",
             "服装": "已重新缝合开线处"}
DIFFICULTIES = {"手机": ("complex", "3"), "耳机": ("simple", "1.5"), "椅子": ("simple", "2"), "服装": ("simple", "1")}


def _demo_this_week(staff: list[Staff], moment: dt.datetime,
                    week: list[tuple[str, dt.datetime, int]]) -> None:
    """This week's returns worked on up to now, so the first screen is full on any day: two to inspect, two
    repairs on the unscheduled pile, two planned on the days of this week still to come (on a Sunday: today),
    one on the bench, one waiting for the quality check, a customer's repaired unit on the pickup shelf, and a
    refund to pay."""
    from .. import clock
    from ..models import AftersalesItem, Technician
    from . import items as item_steps
    from . import repairs, resolutions

    owner = next(s for s in staff if s.role == "owner")
    parts = {p.sku: p.id for p in Product.select().where(Product.kind == "part")}
    techs = repairs.technicians()
    today = moment.date()
    week_days = [d for d in repairs.week_of(today) if d >= today]

    def able(item, day: dt.date) -> Technician | None:
        fit = [t for t in techs if t.works_on(day) and (item.product.category_id in repairs.categories_of(t))
               and (DIFFICULTIES.get(item.product.category.name, ("simple",))[0] != "complex"
                    or t.skill == "specialist")]
        return fit[0] if fit else None

    planned_days = iter(week_days[1:] + week_days * 2)  # tomorrow, the day after…; on a Sunday, today (twice)
    for role, when, item_id in week:
        if role == "inspect":
            continue
        item = AftersalesItem.get_by_id(item_id)
        category = item.product.category.name
        inspected = min(when + dt.timedelta(hours=20), moment - dt.timedelta(hours=3))
        with clock.frozen(inspected):
            if role == "refund":
                item_steps.inspect(item.id, "未拆封，无故障", "sellable", owner)
                continue  # the refund is for finance to pay
            item_steps.inspect(item.id, "确认故障，可维修", "repairable", owner)
            if not item.customer_owned:  # the customer had the money back; the unit is the shop's to repair
                resolutions.refund(item.id, resolutions.refundable_amount(item), "wechat", staff=owner)
            repair = repairs.open_repair(AftersalesItem.get_by_id(item.id))
            difficulty, hours = DIFFICULTIES.get(category, ("simple", "1"))
            repairs.update_repair(repair.id, repair.fault, difficulty, Decimal(hours), repair.due_date, 2)
        if role == "pile":
            continue
        if role == "planned":
            day = next((d for d in planned_days if able(item, d)), None)
            tech = able(item, day) if day else None
            if tech is not None:
                with clock.frozen(moment - dt.timedelta(minutes=30)):
                    repairs.plan(repair.id, tech.id, day, owner)
            continue
        # running, qc, pickup: on the bench from a day the technician works
        started = moment - dt.timedelta(hours=1) if role == "running" else moment - dt.timedelta(days=2)
        tech = able(item, started.date()) or able(item, today)
        if tech is None:
            continue
        with clock.frozen(started - dt.timedelta(minutes=10)):
            repairs.plan(repair.id, tech.id, started.date() if tech.works_on(started.date()) else today, owner)
        with clock.frozen(started):
            repairs.start_repair(repair.id, tech.staff)
            repairs.log_hours(repair.id, Decimal(hours) / 2, note="拆机检查", staff=tech.staff)
            if PART_FOR.get(category) in parts:
                repairs.use_part(repair.id, parts[PART_FOR[category]], 1, tech.staff)
        if role == "running":
            continue
        with clock.frozen(moment - dt.timedelta(days=1)):
            repairs.log_hours(repair.id, Decimal(hours) / 2, note="更换配件，测试", staff=tech.staff)
            repairs.finish_repair(repair.id, True, WORK_DONE.get(category, "已修好，测试正常"), tech.staff)


def _demo_check(rng: random.Random, item, owner: Staff, to_sellable: bool = False) -> None:
    """A passed quality check: back to sellable stock, or graded and priced onto the resale shelf."""
    from ..models import AftersalesItem
    from . import resale

    item = AftersalesItem.get_by_id(item.id)
    lines = [resale.CheckLine(check, True) for check in resale.checklist_for(item.product.category_id)]
    grade = rng.choice("AABBC")
    flaws = {"A": "", "B": "机身有细微划痕", "C": "外壳有明显磨损"}[grade]
    advice = resale.price_advice(item, grade)
    with in_document_language():  # what the buyer reads is in the shop's language
        disclosure = resale.default_disclosure(item, grade, flaws)
    resale.pass_check(item.id, lines, grade, flaws, advice.suggested, rng.choice(["shelf", "shelf", "online"]),
                      disclosure, owner, to_sellable=to_sellable)


def _demo_resale(rng: random.Random, staff: list[Staff], end: dt.datetime) -> None:
    """Units waiting for the check get checked; some shelf units sell, to a buyer who was told."""
    from .. import clock
    from ..models import AftersalesItem
    from ..models.aftersales import QC_WAITING, RESALE
    from . import resale

    owner = next(s for s in staff if s.role == "owner")
    sellers = [s for s in staff if s.role == "sales"]
    waiting = list(AftersalesItem.select().where(AftersalesItem.status == QC_WAITING).order_by(AftersalesItem.id))
    for item in waiting[: max(len(waiting) - 2, 0)]:  # two left to check on screen
        checked_at = min(item.status_since + dt.timedelta(hours=rng.randint(18, 70)), end - dt.timedelta(hours=2))
        with clock.frozen(checked_at):
            _demo_check(rng, item, owner)
    on_shelf = [item for item in AftersalesItem.select().where(AftersalesItem.status == RESALE)
                .order_by(AftersalesItem.id) if resale.the_shops(item)]  # the customer's until refunded, exchanged
    for item in on_shelf[::3]:
        listing = resale.listing_of(item.id)
        sold_at = min(listing.listed_at + dt.timedelta(days=rng.randint(2, 20)), end - dt.timedelta(hours=3))
        with clock.frozen(sold_at):
            resale.sell(item.id, listing.price, listing.channel, True, rng.choice(sellers))


def _free_serial(product: Product) -> str:
    from ..models import StockSerial
    from ..models.stock import Location

    if not product.serialised:
        return ""
    unit = (StockSerial.select().join(Location).where((StockSerial.product == product) & (Location.code == "sellable"))
            .order_by(StockSerial.id).first())
    return unit.serial if unit else ""
