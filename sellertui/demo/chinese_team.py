"""What the Chinese seller's team writes in its own shop, in Chinese: tasks, routines, notices, product notes,
purchase-order and stock notes, promotion names (``demo.chinese.localise`` puts them in place of the English).

Keyed by the English demo's exact text, so the English demo stays as it is; the buyers' and Amazon's words
(reviews, messages, search terms, events) stay as they were written.
"""

from __future__ import annotations

import re

TEAM = {
    # tasks
    "Approve Black Friday deal prices": "审批黑五秒杀价格",
    "Reply to the wholesale enquiry from the café": "回复咖啡馆的批发询价",
    "Pick the 2027 product to sample": "选定 2027 年要打样的新品",
    "Negate wasted search terms from the weekly report": "按周报否定浪费花费的搜索词",
    "Ship the late FBM orders": "发出逾期的 FBM 订单",
    "Send inbound shipment for cutting boards to FBA": "给 FBA 发砧板的入库货件",
    "Reconcile October settlement": "核对 10 月结算",
    "Book freight for the glass jar PO": "为玻璃罐采购单订舱",
    "Waiting for the supplier's packing list.": "在等供应商的装箱单。",
    "Pay the bamboo supplier deposit": "支付竹制品供应商的定金",
    "Write product notes for the new baking mats": "为新烘焙垫写产品笔记",
    # the founder's routine
    "Read yesterday's business report": "看昨天的业务报告",
    "Download the search term report": "下载搜索词报告",
    "Check competitors' prices and deals": "查看竞品的价格和促销",
    "Reconcile last month's settlement": "核对上月结算",
    # notices
    "Warehouse closed Friday: ship FBM orders by Thursday 3 pm": "周五仓库休息：FBM 订单请在周四下午 3 点前发货",
    "The carrier picks up Thursday at 3 pm; anything later goes out on Monday.":
        "物流周四下午 3 点取件；之后的订单周一发出。",
    "New reply templates for late deliveries": "延迟送达的新回复模板",
    "Use the 'Where is my order' template: it now links the carrier's tracking page.":
        "请用“我的订单在哪里”模板：现在它附有承运商的物流追踪页面链接。",
    # product notes
    "Moso bamboo, harder than maple; juice groove holds 3.5 oz; reversible.":
        "毛竹，比枫木更硬；汁液槽可盛 3.5 盎司；双面可用。",
    "Dishwasher? No: hand wash, dry upright, oil monthly.\nKnife marks? Light marks are normal; sand lightly and oil.":
        "能进洗碗机吗？不能：手洗，竖放晾干，每月上油。\n有刀痕吗？轻微刀痕属正常；轻轻打磨后上油即可。",
    "Food-grade silicone, oven safe to 480°F; fits a standard half sheet (16.5 × 11.6 in).":
        "食品级硅胶，烤箱可耐 480°F；适配标准半盘烤盘（16.5 × 11.6 英寸）。",
    "Dishwasher safe: yes, top rack.\nCut on it? No: knives damage the fibreglass core.":
        "能进洗碗机吗：能，放上层。\n能在上面切东西吗？不能：刀会损坏玻璃纤维芯。",
    "Borosilicate glass, airtight bamboo lids with silicone seal.": "高硼硅玻璃，竹盖带硅胶密封圈。",
    "Dishwasher: jars yes, lids no.": "洗碗机：罐子可以，盖子不行。",
    # purchase orders, cash, stock and cost notes, expenses, buyers
    "spring restock (too much, as it turned out)": "春季补货（后来证明补多了）",
    "first half of the cartons arrived; the rest is at the port": "前一半箱子已到；其余还在港口",
    "business account after paying the October PO": "支付 10 月采购单后的对公账户",
    "business account": "对公账户",
    "opening cost": "初始成本",
    "supplier +8% (bamboo)": "供应商涨价 8%（竹制品）",
    "FBA shows 0 available: sold out": "FBA 显示可售 0：已售罄",
    "inbound shipment FBA15K2X checked in": "入库货件 FBA15K2X 已签收",
    "3PL count: 3 boxes water-damaged": "第三方仓盘点：3 箱受潮损坏",
    "last units sent to FBA; own warehouse empty": "最后一批已发往 FBA；自有仓库已清空",
    "found a carton at the 3PL": "在第三方仓找到一箱",
    "customer returns graded unsellable": "买家退货评为不可售",
    "Prep centre in Canada (paid in CAD)": "加拿大预处理中心（以加元支付）",
    "Opened an A-to-Z claim after the parcel was delivered; photos did not match.":
        "包裹送达后提出了亚马逊商城交易保障索赔；照片与实物不符。",
    # promotions the team named, and its notes on them
    "BF Lightning – Baking Mat": "黑五秒杀 – 烘焙垫",
    "Cyber Monday Best Deal – Tea Towels": "网一最佳秒杀 – 茶巾",
    "Holiday coupon – Baking Mats": "节日优惠券 – 烘焙垫",
    "Straws 15% off – shoulder season": "吸管 85 折 – 平季",
    "Prime Big Deal Days Lightning – Spice Rack": "Prime 大促日秒杀 – 调料架",
    "Prime Day PED – Beeswax Wraps": "Prime 会员日 PED – 蜂蜡保鲜布",
    "Buy 2 jars get 1 free": "罐子买 2 送 1",
    "New Year reset – Glass Jars coupon": "新年焕新 – 玻璃罐优惠券",
    "Lightning Deal – Spatula Pair": "秒杀 – 铲子两件装",
    "Lightning Deal – Coffee Canister": "秒杀 – 咖啡密封罐",
    "Utensil sets 20% coupon": "厨具套装 20% 优惠券",
    "stock too low": "库存太低",
    "the 4-jar set is out of stock: reorder first": "4 件套罐子缺货：先补货",
    "found the slot late": "发现名额时已晚",
}

_DECIDED = re.compile(r"\(demo\) decided (\d+) days ago on the (\d+) days before")


def decided(reason: str) -> str:
    """A demo ads decision's note: '(demo) decided 12 days ago on the 30 days before' in Chinese."""
    return _DECIDED.sub(lambda m: f"（演示）{m.group(1)} 天前按之前 {m.group(2)} 天的数据决定", reason)
