"""The demo shop as a Chinese seller runs it (`sellertui demo --lang zh-CN`).

The same deterministic shop, told in 中文: products, suppliers and categories
by their Chinese names, buyers with Chinese names (a mix of 中文 and Latin text
in every table, the case cell widths must survive), the team's costs in yuan
(CNY: purchase orders, the China-side expenses, the cash in the bank, the
hiring plan's salaries, the landed cost per unit the supplier quotes) while
sales stay in USD. The shop's home currency is meant to be CNY (config.toml:
``home_currency = "CNY"``): the P&L then converts the dollar sales with the
team's own month-end USD rates (the ECB's where a month has none), and a
dollar home converts the yuan costs with the same rates.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sellertui.demo.chinese_team import TEAM, decided

SHOP_NAME = "枫与苔（演示）"
BRAND = ("Maple & Moss", "枫与苔")
CNY_PER_USD = 7.1  # the demo's planning rate: costs first priced in dollars, paid in yuan

PRODUCTS = {
    "Bamboo Cutting Board": "竹制砧板", "Silicone Baking Mat": "硅胶烘焙垫", "Stainless Steel Straw Set": "不锈钢吸管套装",
    "Bamboo Spice Rack": "竹制调料架", "Linen Dish Cloths": "亚麻洗碗布", "Beeswax Food Wraps": "蜂蜡保鲜布",
    "Cast Iron Pan Scraper": "铸铁锅刮板", "Glass Storage Jars": "玻璃储物罐", "Wooden Utensil Set": "木质厨具套装",
    "Coffee Canister": "咖啡密封罐", "Herb Mill Scissors": "香草剪刀", "Tea Towel Bundle": "茶巾组合",
}
VARIANTS = {"Small": "小号", "Medium": "中号", "Large": "大号", "XL": "特大号", "Set of 3": "3件套", "Set of 4": "4件套",
            "Set of 6": "6件套", "Half Sheet": "半盘", "Quarter Sheet": "四分之一盘", "2-Pack": "2只装",
            "3-Pack": "3只装", "8-Pack": "8支装", "12-Pack": "12支装", "Bent": "弯头", "Boba": "珍珠奶茶款",
            "2-Tier": "双层", "3-Tier": "三层", "Drawer Insert": "抽屉款", "White": "白色", "Steel": "钢色",
            "Matte Black": "哑光黑", "Bread Wrap": "面包包布", "Spatula Pair": "铲子两件装",
            "Stripper Combo": "去叶器组合",
            "5-Blade": "5刃", "5-Piece": "5件套", "7-Piece": "7件套", "Chainmail": "链甲款", "Holiday": "节日款",
            "Family 6-Pack": "家庭6只装", "Grey 4-Pack": "灰色4条装", "Mixed 6-Pack": "混色6条装",
            "Natural 4-Pack": "原色4条装", "Polycarbonate 3-Pack": "聚碳酸酯3只装", "Spice 12-Pack": "香料12只装",
            "Starter 3-Pack": "入门3件装", "Stripe": "条纹款", "Waffle": "华夫格款"}
SUPPLIERS = {"Hangzhou Greenware Co.": "杭州绿器有限公司", "Dongguan Silica Ltd.": "东莞硅材有限公司",
             "Yiwu Metalcraft": "义乌金工坊", "Shaoxing Textile Works": "绍兴纺织厂", "Ningbo Eco Goods": "宁波环保用品",
             "Xuzhou Glassworks": "徐州玻璃厂", "Yangjiang Blades": "阳江刀剪"}
CATEGORIES = {"Kitchen": "厨房", "Bakeware": "烘焙用具", "Drinkware": "饮具", "Storage": "收纳", "Linens": "布艺",
              "Food Storage": "食品保鲜", "Cookware": "炊具", "Utensils": "厨具"}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
         "秀兰", "霞", "平", "刚", "桂英", "婷", "浩然", "子涵", "欣怡", "梓轩", "一诺", "思远"]
ROLES = (  # the team a Chinese seller hires, at Shenzhen salaries (yuan a month)
    ("运营专员", 1200000, 30.0, "负责日常运营：FBA 发货、补货、Listing 维护。"),
    ("广告专员", 1000000, 30.0, "搜索词报告、竞价、否定关键词。"),
    ("客服专员", 700000, 30.0, "买家消息、退货、评论。"),
    ("美工", 800000, 30.0, "主图、A+ 页面、包装设计。"),
    ("产品助理", 900000, 30.0, "样品、供应商、新品上架。"),
)
EXPENSES = {"Keyword research tool": "关键词调研工具", "3PL overflow storage": "第三方仓溢出仓储",
            "Founder's draw": "创始人支取", "Product photography + launch samples": "产品拍摄 + 新品样品",
            "Trade show stand (home and kitchen fair)": "展会展位（家居厨房展）",
            "Accountant: year-end catch-up": "会计：年终补账"}
USD_RATES = ("7.1320", "7.1535", "7.1890", "7.2105", "7.1680", "7.1240")  # yuan per dollar, oldest month first


def buyer_name(i: int) -> str:
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)]


def title(english: str) -> str:
    """'Maple & Moss Bamboo Cutting Board Pro – Large' → '枫与苔 竹制砧板 Pro – 大号'."""
    text = english.replace(*BRAND)
    for name, chinese in PRODUCTS.items():
        text = text.replace(name, chinese)
    head, sep, variant = text.rpartition(" – ")
    return f"{head}{sep}{VARIANTS.get(variant, variant)}" if sep else text


def localise(data: dict[str, list[dict]], today: date) -> None:
    """Turn the built demo (``demo.build``) into the Chinese seller's shop, in place."""
    names: dict[str, str] = {}
    for product in data["products"]:
        names[product["title"]] = title(product["title"])
        product["category"] = CATEGORIES.get(product["category"], product["category"])
    names.update(SUPPLIERS)
    for i, buyer in enumerate(sorted(data["buyers"], key=lambda b: b["id"])):
        names[buyer["name"]] = buyer_name(i)
    names.update(EXPENSES)
    names.update(TEAM)
    for collection, records in data.items():
        if collection not in ("search_terms", "ad_reports"):  # the buyers' own search words stay as typed
            for record in records:
                _rename(record, names)
    for action in data["ad_actions"]:
        action["reason"] = decided(action.get("reason") or "")
    for entry in data["watchlist"]:
        if entry.get("own"):  # the shop's own listings, under their Chinese titles
            entry["label"] = title(entry.get("label") or "")
    for product in data["products"]:
        if product.get("currency", "USD") == "USD":
            for cost in product.get("costs") or []:
                _to_yuan(cost, ("landed_minor",))
                cost["currency"] = "CNY"
    for po in data["purchase_orders"]:
        _to_yuan(po, ("shipping_minor",))
        for line in po["lines"]:
            _to_yuan(line, ("unit_cost_minor",))
        po["currency"] = "CNY"
    for expense in data["expenses"]:
        if expense.get("currency", "USD") == "USD":
            _to_yuan(expense, ("amount_minor",))
            expense["currency"] = "CNY"
    data["hiring_roles"] = [
        {"title": role, "position": i, "salary_minor": salary, "overhead_pct": overhead, "currency": "CNY",
         "status": "planned", "hired_on": None, "expense_id": None, "notes": notes}
        for i, (role, salary, overhead, notes) in enumerate(ROLES, start=1)]
    for cash in data["cash_reserve"]:
        _to_yuan(cash, ("amount_minor",))
        cash["currency"] = "CNY"
    # the US-dollar home's CAD rates give way to the yuan home's USD rates (CAD then takes the ECB's)
    data["fx_rates"] = usd_rates(today, len(USD_RATES))


def usd_rates(today: date, months: int) -> list[dict]:
    """The months before this one, each with the dollar's month-end rate in yuan, as the team keeps them."""
    found, month = [], today.replace(day=1)
    for i in range(months):
        month = (month - timedelta(days=1)).replace(day=1)
        found.append({"id": f"{month:%Y-%m}|USD", "month": f"{month:%Y-%m}", "currency": "USD",
                      "rate": USD_RATES[-1 - i], "home": "CNY", "note": "中国银行月末中间价"})
    return found[::-1]


def _to_yuan(record: dict, keys) -> None:
    for key in keys:
        if record.get(key) is not None:
            record[key] = int(round(record[key] * CNY_PER_USD))


def _rename(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, dict):
        for key, inner in value.items():
            value[key] = _rename(inner, names)
        return value
    if isinstance(value, list):
        for i, inner in enumerate(value):
            value[i] = _rename(inner, names)
        return value
    if isinstance(value, str):
        return names.get(value, value)
    return value
