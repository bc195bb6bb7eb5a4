// element-plus styles of the reporting pages (phone and tablet), loaded with them only.
import 'element-plus/es/components/config-provider/style/css';
import 'element-plus/es/components/form/style/css';
import 'element-plus/es/components/form-item/style/css';
import 'element-plus/es/components/input/style/css';
import 'element-plus/es/components/switch/style/css';
import 'element-plus/es/components/select/style/css';
import 'element-plus/es/components/date-picker/style/css';
import 'element-plus/es/components/option/style/css';
import 'element-plus/es/components/button/style/css';
import 'element-plus/es/components/tag/style/css';
import 'element-plus/es/components/alert/style/css';
import 'element-plus/es/components/empty/style/css';
import 'element-plus/es/components/skeleton/style/css';
import 'element-plus/es/components/dialog/style/css';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import 'element-plus/es/components/divider/style/css';
